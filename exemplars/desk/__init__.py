"""The editors' desk: the admin screens, reports and rules the newsroom works by
(roles and permissions, the exemplar pipeline, campaign reports and their
exports, the dashboard, snippet viewsets). Wired into Wagtail by ``wagtail_hooks.py``.
"""
