"""The analyser's WordNet senses, checked: an act kind or lexicon entry may name WordNet senses
(``wordnet: {synsets, hyponyms, exclude}``) whose words are built once into ``wordnet-cues.json``
by ``wordnet_build.py`` (which needs nltk and Debian's wordnet-base). At load time only the built
file is read, never WordNet itself, and a spec the file was not built for is refused (LC338), so a
changed sense never silently keeps the old words.

Split from lexicon.py (which reads everything else in ``rules/lexicons``); both the loader and
the build use these checks.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import Problem, Where

# an act kind's WordNet senses (`wordnet:`) and the file their words are built into
# (wordnet_build.py)
WORDNET_FILE = "wordnet-cues.json"
WORDNET_KEYS = {"synsets", "hyponyms", "exclude"}
WORDNET_MAX_DEPTH = 3
SYNSET_NAME = re.compile(r"^[a-z0-9][a-z0-9_'.-]*\.[nvars]\.\d\d$")  # s: adjective satellite


def norm(phrase: str) -> str:
    """A phrase as the lexicon compares it: lower case, single spaces."""
    return " ".join(phrase.lower().split())


def spec_digest(synsets: list[str], hyponyms: int) -> str:
    """What the built words depend on: the chosen senses and the depth (not ``exclude``)."""
    text = json.dumps({"synsets": sorted(synsets), "hyponyms": hyponyms}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def read_wordnet_spec(node, what: str, where: Where, problems: list[Problem]):
    """The ``wordnet`` mapping of ``what`` ("act 'x'", "entry 'y'") checked: (synsets,
    hyponyms, exclude), or None with the problems added (LC338). Shared by the build and the
    lexicon loader."""
    fix = ("write wordnet: {synsets: [overthrow.v.01], hyponyms: 1, exclude: [word]}; "
           "synsets are WordNet 3.0 sense names (word.pos.NN)")
    if not isinstance(node, dict):
        problems.append(Problem("LC338", where, f"{what}: wordnet must be a mapping",
                                fix=fix))
        return None
    bad = [k for k in node if k not in WORDNET_KEYS]
    synsets, hyponyms, exclude = node.get("synsets"), node.get("hyponyms", 1), node.get(
        "exclude", []) or []
    if bad:
        problems.append(Problem("LC338", where, f"{what}: wordnet has unknown key "
                                f"{bad[0]!r}" + yamlio.did_you_mean(str(bad[0]), WORDNET_KEYS),
                                fix=fix))
        return None
    if not (isinstance(synsets, list) and synsets
            and all(isinstance(s, str) and SYNSET_NAME.match(s) for s in synsets)):
        problems.append(Problem("LC338", where, f"{what}: wordnet synsets must be a "
                                "list of sense names such as overthrow.v.01", fix=fix))
        return None
    if not (isinstance(hyponyms, int) and not isinstance(hyponyms, bool)
            and 0 <= hyponyms <= WORDNET_MAX_DEPTH):
        problems.append(Problem("LC338", where, f"{what}: wordnet hyponyms must be a "
                                f"number of levels from 0 to {WORDNET_MAX_DEPTH}", fix=fix))
        return None
    if not (isinstance(exclude, list) and all(isinstance(w, str) and w.strip()
                                              for w in exclude)):
        problems.append(Problem("LC338", where, f"{what}: wordnet exclude must be a "
                                "list of words", fix=fix))
        return None
    return list(synsets), hyponyms, tuple(norm(w) for w in exclude)


def wordnet_file(folder: Path, digest, problems: list[Problem]) -> dict | bool | None:
    """The built WordNet expansion (wordnet_build.py); None when the folder has none, False
    when it cannot be read (that one problem is reported, not one per act kind)."""
    path = folder / WORDNET_FILE
    if not path.is_file():
        return None
    raw = path.read_bytes()
    digest.update(path.name.encode() + b"\0" + raw + b"\0")
    try:
        data = json.loads(raw)
        if not isinstance(data.get("acts"), dict):
            raise ValueError("no 'acts' mapping")
        return data
    except ValueError as exc:   # json.JSONDecodeError and a wrong shape alike
        problems.append(Problem("LC338", Where(str(path)), f"{WORDNET_FILE} cannot be read ({exc})",
                                fix="rebuild it: python -m lawcheck.speech.wordnet_build"))
        return False


def wordnet_words(node, section: str, node_id: str, own, expansion: dict | bool | None,
                   problems: list[Problem]) -> tuple[str, ...]:
    """The WordNet words an act kind (``section`` "acts") or a lexicon entry ("entries") takes:
    built for exactly its current senses and depth, less ``own`` (its own cues or names, and
    for an entry every name of another) and its ``exclude``. A spec the built file does not
    match is refused, so a changed sense never silently matches the old words."""
    if "wordnet" not in node:
        return ()
    what = f"{'act' if section == 'acts' else 'entry'} {node_id!r}"
    spec = read_wordnet_spec(node["wordnet"], what, node.where("wordnet"), problems)
    if spec is None:
        return ()
    synsets, hyponyms, exclude = spec
    if expansion is False:
        return ()
    built = (expansion or {}).get(section, {}).get(node_id)
    if not isinstance(built, dict) or built.get("spec") != spec_digest(synsets, hyponyms):
        problems.append(Problem("LC338", node.where("wordnet"),
                                f"{what}: its WordNet words are not built for these "
                                f"senses ({WORDNET_FILE} is missing, or older than the 'wordnet' "
                                "mapping)",
                                fix="run python -m lawcheck.speech.wordnet_build (needs nltk "
                                    "and Debian's wordnet-base), or remove the mapping"))
        return ()
    skip = set(own) | set(exclude)
    return tuple(w for w in built.get("words", {}) if w not in skip)
