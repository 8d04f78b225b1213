"""Helpers of ``manage.py benchmark_search``: a synthetic corpus, a query mix,
the bare full-text floor and Wagtail's own database backend for comparison."""
