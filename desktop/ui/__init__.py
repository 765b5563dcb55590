"""The Qt window. Imports desktop.core; desktop.core never imports this package."""
