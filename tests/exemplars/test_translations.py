"""The project's own catalogs are complete and compiled.

Source strings are Vietnamese; ``exemplars/locale/en`` holds English. A catalog
with an empty or fuzzy entry shows readers a half-translated page (gettext
falls back to Vietnamese, and msgfmt leaves fuzzy entries out), and a ``.mo``
older than its ``.po`` serves yesterday's translations.
"""

import ast
import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The library's apps and the site's own catalog (LOCALE_PATHS).
CATALOGS = sorted(
    path
    for pattern in ("exemplars/locale", "search/locale", "locale")
    for path in (ROOT / pattern).glob("*/LC_MESSAGES/*.po")
)


def entries(path: Path) -> list[dict]:
    """The entries of a .po file: flags, msgctxt, msgid, msgid_plural, msgstr[n].

    An entry ends where the next one's comments or msgid begin, blank line or not
    (makemessages writes a new file's first entry right under the header).
    """
    found: list[dict] = []
    entry: dict = {}
    key = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        starts = line.startswith(("#", "msgctxt", "msgid "))
        if (not line or starts) and any(k.startswith("msgstr") for k in entry):
            found.append(entry)
            entry, key = {}, None
        if not line or (line.startswith("#") and not line.startswith("#,")):
            continue
        if line.startswith("#,"):
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    if "msgid" in entry:
        found.append(entry)
    return found


def test_every_part_of_the_project_ships_an_english_catalog():
    for part in ("exemplars/locale", "search/locale", "locale"):
        assert ROOT / part / "en/LC_MESSAGES/django.po" in CATALOGS


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_entry_is_empty_or_fuzzy(path):
    problems = []
    for entry in entries(path):
        msgid = entry["msgid"]
        if "fuzzy" in entry.get("flags", ()):
            problems.append(f"fuzzy: {msgid[:60]!r}")
        if not msgid:  # the header
            continue
        strings = [v for k, v in entry.items() if k.startswith("msgstr")]
        if not strings or not all(s.strip() for s in strings):
            problems.append(f"empty: {msgid[:60]!r}")
    assert not problems, f"{path}: {len(problems)} entries\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_compiled_catalog_matches_its_source(path):
    with open(path.with_suffix(".mo"), "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = []
    for entry in entries(path):
        msgid = entry["msgid"]
        if not msgid or "fuzzy" in entry.get("flags", ()):
            continue
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            got = (
                compiled.npgettext(context, msgid, entry["msgid_plural"], 1)
                if context
                else (compiled.ngettext(msgid, entry["msgid_plural"], 1))
            )
            want = entry.get("msgstr[0]", "")
        else:
            got = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
            want = entry.get("msgstr", "")
        if want and got != want:
            stale.append(msgid[:60])
    assert not stale, f"{path.with_suffix('.mo')} is older than its .po: {stale[:20]}"
