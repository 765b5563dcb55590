"""The library folder: the Whoosh index, the letter store and the import that fills them."""
