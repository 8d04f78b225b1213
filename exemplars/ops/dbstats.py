"""Fresh query-planner statistics on SQLite.

SQLite plans with the statistics ANALYZE last wrote and never refreshes them
itself: a site that starts with the 34-story demo and grows to 20,000 stories
keeps plans made for 34 (a story's related stories read every page, 45 ms
instead of 4). PostgreSQL's autovacuum analyses on its own; SQLite is
analysed by ``publish_scheduled`` (every few minutes from cron) and after an
import. With ``analysis_limit`` SQLite samples each index: about 2 ms at
20,000 stories, and the write lock is held that long.
"""

from __future__ import annotations

from django.db import connections

# Rows SQLite samples per index (0 would read every row: 16 ms at 20,000 stories).
ANALYSIS_LIMIT = 1000


def refresh(using: str = "default") -> bool:
    """Refresh the planner's statistics where the database does not; True if it ran."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
    return True
