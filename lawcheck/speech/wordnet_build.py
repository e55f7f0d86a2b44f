"""Build the WordNet expansion of the speech-act cues and the lexicon's names:
``rules/lexicons/wordnet-cues.json``.

Phrase lists learn the wording they are shown: on sentences written blind to the analyser, cues
added from one set of sentences barely moved another (tests/data/README.md, fourteenth round).
So an act kind may name, besides its own cues, WordNet senses (synsets) that say what the act
*is* ("overthrow.v.01": cause the downfall of rulers), and take every word of those senses and
of their narrower senses ("depose", "unseat", "oust" …) as cues too; a lexicon entry may do
the same for its names ("judge.n.01": "magistrate", "jurist"):

    wordnet:
      synsets: [overthrow.v.01, depose.v.01]   # chosen by meaning, each checked by its gloss
      hyponyms: 1                               # levels of narrower senses taken (0-3)
      exclude: [reverse]                        # words of a chosen sense that mislead

The expansion goes by chosen sense, never by word: a word has many senses ("overthrow" also
means to overrule a decision), and only the chosen ones are taken. The words are read once, here,
from Debian's ``wordnet-base`` (WordNet 3.0) through NLTK's reader, and shipped as data, so
lawcheck needs neither at run time. ``exclude`` is applied when the lexicon loads
(lexicon.py), so an adviser can drop a word without rebuilding; a change of ``synsets`` or
``hyponyms`` needs this build, and until then the lexicon refuses to load (LC338).

    python -m lawcheck.speech.wordnet_build            # write the file
    python -m lawcheck.speech.wordnet_build --check    # exit 1 if the file is not current

The shipped file carries the WordNet 3.0 licence notice, as that licence asks of copies.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import InputError, Problem, RulesError
from lawcheck.speech.lexicon import lexicon_dir
from lawcheck.speech.lexicon_wordnet import WORDNET_FILE, read_wordnet_spec, spec_digest

WORDNET_DIR = Path("/usr/share/wordnet")            # Debian's wordnet-base
LEXNAMES_MAN = Path("/usr/share/man/man5/lexnames.5WN.gz")
LICENCE = Path("/usr/share/doc/wordnet-base/copyright")
NOTICE = ("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. "
          "Words below are taken from WordNet (https://wordnet.princeton.edu) under its licence; "
          "see the 'licence' field for its full text, which must travel with this file.")


class _NoWordNet(InputError):
    code = "LC338"


class _Malformed(InputError):
    code = "LC330"   # a lexicon file that is not valid YAML, as when the lexicon loads


def reader(folder: Path):
    """NLTK's WordNet reader over a copy of Debian's files in ``folder`` (a private temporary
    folder; NLTK refuses files reached through links). The package leaves out the ``lexnames``
    file the reader opens, so it is written there from the lexnames(5WN) manual page the same
    package installs."""
    try:
        import nltk.data
        from nltk.corpus.reader.wordnet import WordNetCorpusReader
    except ModuleNotFoundError:
        raise _NoWordNet("NLTK is not installed; the WordNet build reads WordNet through it",
                         fix="python -m pip install nltk (only the build needs it)") from None
    if not (WORDNET_DIR / "data.verb").is_file() or not LEXNAMES_MAN.is_file():
        raise _NoWordNet(f"WordNet 3.0 is not installed at {WORDNET_DIR}",
                         fix="apt-get install wordnet-base (Debian's WordNet 3.0 data)")
    for path in WORDNET_DIR.iterdir():
        if path.is_file():
            shutil.copyfile(path, folder / path.name)
    pos_numbers = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
    lines = []
    for line in gzip.open(LEXNAMES_MAN, "rt", encoding="utf-8"):
        match = re.match(r"^(\d\d)\t(\w+)\.(\w+) *\t", line)
        if match:
            lines.append(f"{match[1]}\t{match[2]}.{match[3]}\t{pos_numbers[match[2]]}\n")
    (folder / "lexnames").write_text("".join(lines), encoding="utf-8")
    nltk.data.path.append(str(folder))   # NLTK reads only from folders on its data path
    import warnings

    class _Reader(WordNetCorpusReader):
        # NLTK 3.10 maps any WordNet it is given onto its own downloadable copy (for the
        # multilingual data, which lawcheck does not use); these files are WordNet 3.0 itself
        def map_wn(self, version="wordnet"):
            return None

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": not used
        return _Reader(str(folder), None)


def words_of(wn, name: str, hyponyms: int) -> dict[str, str]:
    """word -> the sense it comes from, for a synset and its narrower senses to ``hyponyms``
    levels. An adjective has no narrower senses in WordNet but a cluster of similar ones
    ("cruel": "barbarous", "brutal", "savage"), taken in their place. Multi-word lemmas
    ("bring_down") become phrases; proper names (capitalised lemmas) are left out: they name
    someone, they say nothing of the act."""
    synset = wn.synset(name)
    found: dict[str, str] = {}
    level = [synset]
    for _ in range(hyponyms + 1):
        nxt = []
        for sense in level:
            for lemma in sense.lemma_names():
                if lemma[:1].isupper():
                    continue
                found.setdefault(lemma.replace("_", " ").lower(), sense.name())
            # NLTK keeps a sense's links in a set, whose order changes from run to run with
            # Python's string hashing; sorted, a word found under two senses names the same one
            # every build, so `--check` and the shipped file agree
            nxt += sorted(sense.similar_tos() if sense.pos() in "as" else sense.hyponyms(),
                          key=lambda s: s.name())
        level = nxt
    return found


def build(folder: Path) -> dict:
    """The expansion of every act kind (speech-acts.yaml) and every lexicon entry (the other
    lexicon files) with a ``wordnet`` mapping in ``folder``; all problems raised together
    (LC338)."""
    docs = {path: yamlio.load(path, _Malformed) for path in sorted(folder.glob("*.yaml"))
            if path.name != "suggestions.yaml"}
    with tempfile.TemporaryDirectory(prefix="lawcheck-wordnet-") as tmp:
        return _build(docs, reader(Path(tmp)))   # reading WordNet in takes about 12 s


def _nodes(docs: dict):
    """(section, node) for each act kind and lexicon entry that names WordNet senses."""
    for path, doc in docs.items():
        key = "acts" if path.name == "speech-acts.yaml" else "entries"
        for node in doc.get(key, []) if isinstance(doc, dict) else []:
            if isinstance(node, dict) and "wordnet" in node:
                yield key, node


def _build(docs: dict, wn) -> dict:
    problems: list[Problem] = []
    built: dict[str, dict[str, dict]] = {"acts": {}, "entries": {}}
    for section, node in _nodes(docs):
        what = f"{'act' if section == 'acts' else 'entry'} {node.get('id')!r}"
        spec = read_wordnet_spec(node["wordnet"], what, node.where("wordnet"), problems)
        if spec is None:
            continue
        synsets, hyponyms, _ = spec
        words: dict[str, list[str]] = {}
        for name in synsets:
            try:
                found = words_of(wn, name, hyponyms)
            except Exception:   # nltk raises WordNetError or ValueError for an unknown sense
                problems.append(Problem("LC338", node.where("wordnet"),
                                        f"{what}: WordNet 3.0 has no sense {name!r}",
                                        fix="look the sense up (e.g. `wn overthrow -over` or "
                                            "nltk's wn.synsets('overthrow')) and use its name"))
                continue
            for word, sense in found.items():
                words.setdefault(word, []).append(sense)
        built[section][node.get("id")] = {
            "spec": spec_digest(synsets, hyponyms),
            "words": {w: sorted(set(s)) for w, s in sorted(words.items())}}
    if problems:
        raise RulesError(problems)
    licence = LICENCE.read_text(encoding="utf-8") if LICENCE.is_file() else ""
    return {"about": "Generated by `python -m lawcheck.speech.wordnet_build` from the "
                     "'wordnet' mappings in speech-acts.yaml; do not edit by hand.",
            "source": "WordNet 3.0, Debian package wordnet-base, read with NLTK",
            "notice": NOTICE, "licence": licence, **built}


def render(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=None,
                        help="lexicon folder (default: the rule base's rules/lexicons)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the shipped file differs from a build")
    args = parser.parse_args(argv)
    folder = args.folder or lexicon_dir()
    try:
        data = build(folder)
    except (InputError, RulesError) as exc:
        print(exc.render(), file=sys.stderr)
        return 2
    text = render(data)
    target = folder / WORDNET_FILE
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"{target} is not current: run python -m lawcheck.speech.wordnet_build",
                  file=sys.stderr)
            return 1
        return 0
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)   # never a half-written file
    print(f"wrote {target}: {len(data['acts'])} act kinds, {len(data['entries'])} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
