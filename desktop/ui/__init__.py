"""The PySide6 window. Imports desktop.core; core never imports this."""
