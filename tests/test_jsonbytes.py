"""Issue 13 (speed): the JSONL output and the audit record are encoded with orjson
(lawcheck.jsonbytes). What a reader parses must not change: every line parses to the values the
standard library's line parsed to, non-ASCII text stays UTF-8, no NaN or infinity is ever
written, and runs recorded with the standard library's encoding stay readable and exportable."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import zipfile
from datetime import date

import pytest
from click.testing import CliRunner

from lawcheck import api, jsonbytes
from lawcheck.audit import RunRecorder, recorder as recorder_module
from lawcheck.audit.packing import unpack
from lawcheck.cli import cli
from lawcheck.report.writers import JsonlWriter
from tests.statement_texts import benchmark_statements, set_texts

# what the JSONL writer and the recorder wrote before orjson
OLD_JSONL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
OLD_RECORD = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
HARD_TEXT = ("Khmer ប្រជាពលរដ្ឋ, emoji 🙂, quotes “x” \"y\", backslash \\ slash /, "
             "controls \x00\x01\x1f\t\n\r\b\f, line separators \u2028\u2029, DEL \x7f, é")


def _floats(value):
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _floats(item)
    elif isinstance(value, list):
        for item in value:
            yield from _floats(item)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """Reports of a sample of the benchmark's statements and of the dev, train and real tuning
    sets (with their real dates), plus one statement of awkward characters."""
    tmp = tmp_path_factory.mktemp("jsonbytes")
    source = tmp / "sample.jsonl"
    rows = [{"id": f"b{i}", "text": t} for i, t in enumerate(benchmark_statements(7, 150))]
    rows += [{"id": f"r{i}", "text": t} for i, t in enumerate(set_texts(40))]
    rows.append({"id": "hard", "text": HARD_TEXT})
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                      encoding="utf-8")
    db = f"sqlite:///{tmp / 'sample.db'}"
    pairs = list(api.review([source], db=db, date="2026-12-05", org_type="domestic_ngo"))
    return [report for _, report in pairs if report is not None]


def test_every_jsonl_line_parses_to_the_old_line_s_values(reviewed):
    assert len(reviewed) > 250
    out = io.StringIO()
    writer = JsonlWriter(out)
    for report in reviewed:
        writer.write(None, report)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(reviewed)
    identical = 0
    for line, report in zip(lines, reviewed):
        old = OLD_JSONL(report)
        assert json.loads(line) == json.loads(old)
        if not any("e" in repr(f) for f in _floats(report)):
            # no float in exponent form: the bytes themselves are the old bytes
            assert line == old
            identical += 1
    assert identical > len(reviewed) // 2  # the byte comparison ran on most of them
    assert any(f for report in reviewed for f in _floats(report))  # scores were compared too


def test_non_ascii_is_written_as_utf8_with_the_old_escapes():
    value = {"text": HARD_TEXT, "n": [1, 2.5, -0.0, 10**18]}
    assert jsonbytes.dumps(value) == OLD_JSONL(value).encode("utf-8")
    assert "ប្រជាពលរដ្ឋ".encode() in jsonbytes.dumps(value)  # UTF-8, not \u escapes


NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def test_float_exponents_are_the_only_byte_change():
    """Only the spelling of a float may differ (orjson 3.8 writes 1e16 and 0.00001, later
    versions 1e+16; Python writes 1e+16 and 1e-05), and each spelling reads back to the same
    value; every byte outside the numbers is the old byte."""
    value = {"a": 1e-05, "b": 1e16, "c": 0.36, "d": 5e-324, "e": [1, -2.5e-7, 3.0]}
    new, old = jsonbytes.dumps(value), OLD_JSONL(value).encode()
    assert json.loads(new) == json.loads(old) == value
    assert NUMBER.split(new) == NUMBER.split(old)
    pairs = list(zip(NUMBER.findall(new), NUMBER.findall(old), strict=True))
    assert all(float(a) == float(b) for a, b in pairs)
    assert new.startswith(b'{"a":0.00001,"b":1e')  # the form the docs show, on every version


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("shape", ["top", "nested", "fallback"])
def test_no_nan_or_infinity_is_ever_written(bad, shape):
    value = {"top": bad, "nested": {"risk": [{"score": bad}]},
             # an integer orjson cannot hold sends the whole value to the standard library
             "fallback": {"big": 2 ** 70, "score": bad}}[shape]
    with pytest.raises(ValueError, match="NaN or infinity"):
        jsonbytes.dumps(value)
    out = io.StringIO()
    with pytest.raises(ValueError):
        JsonlWriter(out).write(None, {"risk": value})
    assert out.getvalue() == ""  # nothing half written


def test_a_null_is_not_taken_for_a_nan():
    assert jsonbytes.dumps({"line": None, "s": "null"}) == b'{"line":null,"s":"null"}'


def test_what_orjson_refuses_goes_to_the_standard_library_as_before():
    assert jsonbytes.dumps({"big": 2 ** 70}) == b'{"big":1180591620717411303424}'
    assert jsonbytes.dumps({1: "a", None: "b"}) == OLD_JSONL({1: "a", None: "b"}).encode()
    with pytest.raises(TypeError):  # the standard library never wrote a date: still refused
        jsonbytes.dumps({"day": date(2026, 12, 5)})


def test_the_standard_library_alone_gives_the_same_values(monkeypatch):
    monkeypatch.setattr(jsonbytes, "orjson", None)
    value = {"text": HARD_TEXT, "score": 0.36, "small": 1e-05}
    assert jsonbytes.dumps(value) == OLD_JSONL(value).encode("utf-8")
    with pytest.raises(ValueError, match="NaN or infinity"):
        jsonbytes.dumps({"score": float("nan")})


def _record(db: str, reports: list[dict], texts: list[str]) -> str:
    with api.opened(db, sync=False) as store:
        with RunRecorder(store, kind="statements", source="sample.jsonl", sha256="ab",
                         render={"format": "jsonl"}) as recorder:
            for report, text in zip(reports, texts):
                recorder.add(report, text=text, plain=True)
    return recorder.id


def _blobs(db: str, run_id: str) -> list[bytes]:
    con = sqlite3.connect(db.removeprefix("sqlite:///"))
    try:
        return [unpack(row[0]) for row in con.execute(
            "SELECT report FROM run_subjects WHERE run_id = ? ORDER BY seq", (run_id,))]
    finally:
        con.close()


def _export(db: str, run_id: str, path) -> dict[str, bytes]:
    result = CliRunner().invoke(cli, ["--db", db, "export", run_id, "-o", str(path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(path) as pack:
        files = {name: pack.read(name) for name in pack.namelist()}
    manifest = json.loads(files.pop("manifest.json"))
    # the pack verifies: every file's bytes have the sha256 its manifest gives
    assert {f["path"]: f["sha256"] for f in manifest["files"]} == \
        {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    return files


def test_runs_recorded_with_the_old_encoding_read_and_export_as_before(reviewed, tmp_path,
                                                                       monkeypatch):
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    sample = reviewed[:120]
    texts = [""] * len(sample)  # the reports are redacted anyway; no leak check needed
    new_id = _record(db, sample, texts)
    monkeypatch.setattr(recorder_module, "_ENCODE",
                        lambda value: OLD_RECORD(value).encode("utf-8"))  # the old recorder
    old_id = _record(db, sample, texts)
    monkeypatch.undo()
    old_blobs, new_blobs = _blobs(db, old_id), _blobs(db, new_id)
    assert all(b'", "' in blob or b'": ' in blob for blob in old_blobs)  # really the old bytes
    assert not any(b'": ' in blob for blob in new_blobs)

    def values(blobs):  # each run has its own id
        return [{k: v for k, v in json.loads(b).items() if k != "run"} for b in blobs]

    assert values(old_blobs) == values(new_blobs)

    def shown(run_id):
        result = CliRunner().invoke(cli, ["--db", db, "show", run_id, "--format", "jsonl"],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return [{k: v for k, v in json.loads(line).items() if k != "run"}
                for line in result.stdout.splitlines()]

    assert shown(old_id) == shown(new_id) and len(shown(old_id)) == len(sample)
    old_pack, new_pack = _export(db, old_id, tmp_path / "old.zip"), \
        _export(db, new_id, tmp_path / "new.zip")
    assert set(old_pack) == set(new_pack)
    lines = {name: [{k: v for k, v in json.loads(x).items() if k != "run"}
                    for x in pack["reports.jsonl"].splitlines()]
             for name, pack in (("old", old_pack), ("new", new_pack))}
    assert lines["old"] == lines["new"]
