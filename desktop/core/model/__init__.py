"""The letter model: one clean text and every annotation as a span into it."""
