"""WordNet senses as cues (issue 13, session 30; lawcheck/speech/wordnet_build.py): an act kind
names the senses that say what it is, the build takes their words and those of their narrower
senses from Debian's WordNet 3.0, and the lexicon matches them like the kind's own cues. The
built file must be current, a spec it does not match is refused at load (LC338), `exclude`
takes effect without a rebuild, and a word only WordNet gave makes the act."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lawcheck.speech import analyse
from lawcheck.speech.lexicon import WORDNET_FILE, lexicon_dir, load_lexicon
from lawcheck.speech import wordnet_build
from lawcheck.speech.wordnet_build import LEXNAMES_MAN, WORDNET_DIR, build, main, render
from tests.lexicon_copy import edit, lexicons, problems  # noqa: F401 (fixture)

needs_wordnet = pytest.mark.skipif(
    not ((WORDNET_DIR / "data.verb").is_file() and LEXNAMES_MAN.is_file()),
    reason="apt-get install wordnet-base (Debian's WordNet 3.0; .ci/run does this)")
SPEECH_ACTS = "speech-acts.yaml"


@pytest.fixture(scope="module")
def wordnet(tmp_path_factory):
    """WordNet read in once for the module (about 12 s each time)."""
    return wordnet_build.reader(tmp_path_factory.mktemp("wordnet"))


@pytest.fixture
def read_once(wordnet, monkeypatch):
    monkeypatch.setattr(wordnet_build, "reader", lambda folder: wordnet)


def shipped() -> dict:
    return json.loads((lexicon_dir() / WORDNET_FILE).read_text(encoding="utf-8"))


def calls(text: str) -> set:
    return {a.value for a in analyse(text).acts if a.fact == "statement.calls"
            and a.mode in ("asserted", "reported")}


@needs_wordnet
def test_the_shipped_expansion_is_what_a_build_gives_today(read_once):
    assert render(build(lexicon_dir())) == (lexicon_dir() / WORDNET_FILE).read_text(
        encoding="utf-8"), "run python -m lawcheck.speech.wordnet_build and commit the file"


@needs_wordnet
def test_check_mode_reports_a_stale_file(read_once, lexicons, capsys):
    assert main(["--folder", str(lexicons), "--check"]) == 0
    path = lexicons / WORDNET_FILE
    path.write_text(path.read_text().replace('"boot out"', '"boot away"'))
    assert main(["--folder", str(lexicons), "--check"]) == 1
    assert "not current" in capsys.readouterr().err


@needs_wordnet
def test_an_unknown_sense_is_refused_at_build_with_its_line(read_once, lexicons, capsys):
    # the problem is placed at the act's `wordnet:` key, the line above its synsets
    line = -1 + edit(lexicons / SPEECH_ACTS, "      synsets: [overthrow.v.01,",
                     "      synsets: [overthrow.v.09,")
    assert main(["--folder", str(lexicons)]) == 2
    err = capsys.readouterr().err
    assert "LC338" in err and "overthrow.v.09" in err and f":{line}" in err


def test_every_built_word_names_the_sense_it_comes_from():
    data = shipped()
    assert data["acts"] and "Princeton" in data["licence"] and "WordNet 3.0" in data["notice"]
    for built in data["acts"].values():
        assert built["words"]
        assert all(senses and all(s.count(".") >= 2 for s in senses)
                   for senses in built["words"].values())


def test_a_word_only_wordnet_gave_makes_the_act():
    lexicon = load_lexicon()
    act = next(a for a in lexicon.acts if a.id == "overthrow-leader")
    assert "boot out" in act.wordnet and "boot out" not in act.cues
    assert "overthrow" in calls("Together we must boot out Hun Sen before the year ends.")
    # the kind's other conditions still hold: no call, no target, no act
    assert "overthrow" not in calls("The bouncer will boot out anyone without a ticket.")


def test_an_excluded_word_is_not_a_cue_and_needs_no_rebuild(lexicons):
    act = next(a for a in load_lexicon(lexicons).acts if a.id == "overthrow-leader")
    assert "drum out" in act.wordnet and "expel" not in act.wordnet
    edit(lexicons / SPEECH_ACTS, "exclude: [expel,", "exclude: [drum out, expel,")
    act = next(a for a in load_lexicon(lexicons).acts if a.id == "overthrow-leader")
    assert "drum out" not in act.wordnet


def test_a_changed_sense_without_a_rebuild_is_refused_with_its_line(lexicons):
    edit(lexicons / SPEECH_ACTS, "      synsets: [overthrow.v.01,",
         "      synsets: [overthrow.v.01, unseat.v.01,")
    found = problems(lexicons)
    assert [p.code for p in found] == ["LC338"]
    assert "not built for these senses" in found[0].message and found[0].where.line
    assert "wordnet_build" in found[0].fix


def test_a_missing_built_file_is_refused(lexicons):
    (lexicons / WORDNET_FILE).unlink()
    assert {p.code for p in problems(lexicons)} == {"LC338"}


def test_an_unreadable_built_file_is_refused(lexicons):
    (lexicons / WORDNET_FILE).write_text("{not json")
    found = problems(lexicons)
    assert [(p.code, Path(p.where.file).name) for p in found] == [("LC338", WORDNET_FILE)]


@pytest.mark.parametrize("spec, says", [
    ("wordnet: [overthrow.v.01]", "must be a mapping"),
    ("wordnet: {synsets: [overthrow], hyponyms: 1}", "sense names"),
    ("wordnet: {synsets: [overthrow.v.01], hyponyms: 7}", "from 0 to 3"),
    ("wordnet: {synsets: [overthrow.v.01], hyponym: 1}", "unknown key 'hyponym'"),
])
def test_a_malformed_spec_is_refused_with_its_line(lexicons, spec, says):
    path = lexicons / SPEECH_ACTS
    text = path.read_text()
    start = text.index("    wordnet:\n      synsets: [overthrow.v.01")
    end = text.index("\n  - id:", start)
    path.write_text(text[:start] + "    " + spec + text[end:])
    line = text[:start].count("\n") + 1
    found = problems(lexicons)
    assert [p.code for p in found] == ["LC338"] and says in found[0].message
    assert found[0].where.line == line


def test_the_lexicon_digest_covers_the_built_file(lexicons):
    before = load_lexicon(lexicons).digest
    path = lexicons / WORDNET_FILE
    data = json.loads(path.read_text())
    data["about"] += " "
    path.write_text(json.dumps(data))
    assert load_lexicon(lexicons).digest != before


def test_the_analyser_needs_no_wordnet_at_run_time():
    # the analyser reads the shipped file; only the build imports nltk
    code = ("import sys; from lawcheck.speech import analyse; "
            "analyse('Together we must boot out Hun Sen.'); print('nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "False"


# --- lexicon entries: the people a sense names ---------------------------------------------------

def mentions(text: str) -> set:
    return set(analyse(text).facts.get("statement.mentions") or ())


def test_a_name_only_wordnet_gave_names_the_entry_in_every_form():
    entries = {e.id: e for e in load_lexicon().entries}
    assert "magistrate" in entries["court.judge"].wordnet
    assert "magistrate" not in entries["court.judge"].names
    assert "court" in mentions("Two magistrates signed the order before dawn.")
    assert "security-forces" in mentions("A policewoman and three constables stood at the gate.")


def test_an_excluded_sense_word_names_no_one():
    # "officer" is a police officer in WordNet's sense, and an NGO's programme officer too
    assert "security-forces" not in mentions("Our programme officer will visit the project.")
    assert "court" not in mentions("The recorder kept the minutes of the meeting.")


def test_a_written_name_of_another_entry_stays_with_it():
    entries = {e.id: e for e in load_lexicon().entries}
    written = {n for e in entries.values() for n in e.names}
    got = [w for e in entries.values() for w in e.wordnet]
    assert not written & set(got) and len(got) == len(set(got))


def test_an_entry_sense_changed_without_a_rebuild_is_refused_with_its_line(lexicons):
    line = edit(lexicons / "courts.yaml", "synsets: [judge.n.01]",
                "synsets: [judge.n.01, jurist.n.01]")
    found = problems(lexicons)
    assert [p.code for p in found] == ["LC338"] and "entry 'court.judge'" in found[0].message
    assert found[0].where.line == line - 1 and found[0].where.file.endswith("courts.yaml")


def test_a_claims_wordnet_word_matches_in_every_form_a_calls_does_not():
    # WordNet gives base forms; a claim is told in the past ("relinquished"), a call is not
    acts = analyse("The government relinquished our border islands to Vietnam.").acts
    assert any(a.fact == "statement.territory_claim" for a in acts)
    lexicon = load_lexicon()
    overthrow = next(a for a in lexicon.acts if a.id == "overthrow-leader")
    assert "boot out" in overthrow.wordnet
    assert "overthrow" not in calls("Together we booted out Hun Sen in our dreams last night.")
