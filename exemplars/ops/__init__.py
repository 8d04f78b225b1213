"""Operations: backups, database statistics, which Site and origin serve the
pages, system checks, the Redis cache backend and the personal-data purge.
Run by commands and settings, not by readers or editors.
"""
