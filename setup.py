"""Packaging shim: the one thing pyproject.toml cannot say.

The repository keeps the search app in `search/`, but every `wagtail start` site
already owns a top-level `search` package, so ours installs as `exemplars_search`.
"""

from setuptools import find_packages, setup

search_packages = [
    "exemplars_search" + name[len("search") :]
    for name in find_packages(include=["search", "search.*"])
]

setup(
    packages=find_packages(include=["exemplars", "exemplars.*"]) + search_packages,
    package_dir={"exemplars_search": "search"},
)
