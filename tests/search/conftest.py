import pytest

from exemplars_search import backends, service


@pytest.fixture
def search_backend(db):
    """The configured backend (SQLite or PostgreSQL by DATABASE_URL); each test's
    transaction is rolled back, so it starts empty."""
    backends.reset_backends()
    yield service.primary_backend()
    backends.reset_backends()
