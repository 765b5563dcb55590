"""The benchmark: `python -m desktop bench`. Kept apart from core and ui."""
