"""schemathesis's own runner against a live server, through /api/openapi.json.

Every check (``--checks all``: answers, status codes, content types and headers
as documented, invalid input refused with a 4xx, methods the document does not
list answered 405 with ``Allow``, no 5xx) over the examples, coverage and
fuzzing phases, valid and invalid input, with a fixed seed and a bounded number
of examples per operation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.search.behaviour import make_doc
from tests.search.conftest import search_backend  # noqa: F401 (a fixture)

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_schemathesis_every_check(live_server, search_backend, tmp_path):  # noqa: F811
    search_backend.index(
        [
            make_doc(title="Câu lạc bộ hiến máu tình nguyện Mỹ Bình", kind="collective"),
            make_doc(title="Người giữ hồn lụa Tân Châu"),
        ]
    )
    result = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{live_server.url}/api/openapi.json",
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "25",
            "--seed",
            "1",
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
