"""The Nu HTML Checker (vnu-jar from tests/browser/node_modules) finds no error on
one page of every reader type.

``make system-deps`` installs vnu-jar with axe-core (``npm ci --prefix tests/browser``);
Java runs it.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_one_origin import reader_addresses

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parents[2] / "browser/node_modules/vnu-jar/build/dist/vnu.jar"
PAGES = slice(0, 13)  # the HTML pages of reader_addresses()


def nu_errors(files: list[Path]) -> list[dict]:
    assert VNU.exists(), f"{VNU} missing: run `make system-deps`"
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java (scripts/system-deps.sh installs it)"
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(run.stderr or run.stdout)["messages"]


def test_every_reader_page_type_is_valid_html(client, tmp_path):
    from tests.exemplars.reader import build_site

    site = build_site(3)
    addresses = reader_addresses(site)[PAGES]
    files = []
    for i, address in enumerate(addresses):
        response = client.get(address)
        assert response.status_code == 200, address
        path = tmp_path / f"{i:02d}.html"
        path.write_bytes(response.content)
        files.append(path)
    names = {f"file:{f}": address for f, address in zip(files, addresses, strict=True)}
    errors = [
        f"{names.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m['message']} "
        f"«{m.get('extract', '').strip()}»"
        for m in nu_errors(files)
    ]
    assert errors == [], "\n".join(errors)
