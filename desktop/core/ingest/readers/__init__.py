"""One module per input format; each turns bytes into a Draft."""
