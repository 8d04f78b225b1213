"""Admin views of the editors' desk, one module per feature (wired in ``wagtail_hooks.py``)."""
