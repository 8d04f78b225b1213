"""Packaging shim: the one thing pyproject.toml cannot say.

The repository keeps the search app in `search/`, but every `wagtail start` site
already owns a top-level `search` package, so ours installs as `exemplars_search`.

Namespace discovery: templates, static files and locales sit in folders Python
could import, so setuptools wants them listed as packages rather than guessed
as data (otherwise a warning per folder).
"""

from setuptools import find_namespace_packages, setup

SKIP = ["*.__pycache__", "*.__pycache__.*"]

search_packages = [
    "exemplars_search" + name[len("search") :]
    for name in find_namespace_packages(include=["search", "search.*"], exclude=SKIP)
]

setup(
    packages=find_namespace_packages(include=["exemplars", "exemplars.*"], exclude=SKIP)
    + search_packages,
    package_dir={"exemplars_search": "search"},
)
