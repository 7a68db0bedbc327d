"""The HTML writer (a self-contained A4 preview page) and the preview server."""
