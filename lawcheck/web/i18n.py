"""The interface in English and Khmer: one gettext catalogue (lawcheck/web/locale), read with
Babel. Only the interface is translated: laws, rules, findings and report text stay as shipped.

The catalogue is kept as a .po file (text, reviewable in a diff) and compiled in memory when the
server starts, so no build step and no binary file is needed.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"en": "English", "km": "ខ្មែរ"}
DEFAULT = "en"


@lru_cache(maxsize=None)
def translations(lang: str):
    """gettext translations for ``lang`` ("en" gives the msgids back unchanged)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import NullTranslations, Translations

    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not po.exists():
        return NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def pick(cookie: str | None, accept: str | None) -> str:
    """The language asked for: the user's choice (cookie) first, then the browser's."""
    if cookie in LANGUAGES:
        return cookie
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT


def catalog_entries(lang: str = "km"):
    """(msgid, msgstr) for every message of ``lang``'s catalogue (the tests read it)."""
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    return [(m.id, m.string) for m in catalog if m.id]
