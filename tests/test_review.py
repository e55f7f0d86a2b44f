"""lawcheck review end to end: the real analyser, rules and writers, through the command line.

The machinery (readers, ordered workers, writers, resume) is tested with a fake reviewer in
test_review_io.py and test_review_parallel.py; here the whole pipeline runs as a user runs it.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli

ROOT = Path(__file__).resolve().parents[1]
RISKY = "District Governor Chea Vanna is a corrupt thief. Everyone must join the march on Sunday."
BENIGN = "We thank the provincial health department for supporting the clinic in Svay Rieng."


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "review.db")


def invoke(db, *args, stdin=None):
    result = CliRunner().invoke(cli, ["--db", db, "review", *args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def write_csv(path: Path, rows, header=("id", "text", "medium")) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def reports(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_text_review_flags_words_with_article_reason_and_safer_wording(db):
    result = invoke(db, "--text", RISKY, "--format", "jsonl", "--medium", "facebook",
                    "--date", "2026-12-05")
    assert result.exit_code == 1, result.output  # high findings: --fail-on high
    report = json.loads(result.stdout.splitlines()[0])
    assert report["subject"]["kind"] == "statement" and report["subject"]["id"] == "text"
    rules = {f["rule"] for f in report["findings"]}
    assert {"kh.speech.insult.official", "kh.speech.incitement.call-to-gather"} <= rules
    # a peaceful call to march is the incitement finding alone, online too (issue 13)
    assert "kh.speech.online.public-order" not in rules
    for finding in report["findings"]:
        assert finding["citations"] and finding["why"] and finding["mitigations"]
        for (start, end), flag in zip(finding["where"]["spans"], finding["where"]["flags"]):
            assert RISKY[start:end] == flag["text"] and flag["suggestion"]
    assert report["run"] and report["privacy"] == {"text_kept": False}


def test_benign_statement_exits_0_and_names_no_finding(db):
    result = invoke(db, "--text", BENIGN, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["findings"] == []


def test_csv_batch_keeps_input_order_reports_bad_rows_by_line_and_writes_html(db, tmp_path):
    src = write_csv(tmp_path / "s.csv", [("s1", BENIGN, "press_release"),
                                         ("s2", RISKY, "facebook"),
                                         ("s3", "", "facebook"),
                                         ("s4", BENIGN, "telegram")])
    out = tmp_path / "review.jsonl"
    result = invoke(db, str(src), "-o", str(out), "--org-type", "domestic_ngo")
    assert result.exit_code == 2  # SPEC §8: rows not read must not look screened to a script
    assert [r["subject"]["id"] for r in reports(out)] == ["s1", "s2"]
    assert "s.csv:4" in result.stderr and "s.csv:5" in result.stderr
    assert "2 row(s) could not be read and were NOT reviewed" in result.stderr
    page = tmp_path / "review.html"
    assert invoke(db, str(src), "-o", str(page)).exit_code == 2
    html = page.read_text(encoding="utf-8")
    assert "<mark" in html and "Chea Vanna" in html and "criminal-code-2009/art-502" in html


def test_unreadable_file_is_exit_2_with_the_file_named(db, tmp_path):
    bad = tmp_path / "s.csv"
    bad.write_text("identifier,body\nx,y\n", encoding="utf-8")
    result = invoke(db, str(bad))
    assert result.exit_code == 2
    assert "s.csv" in result.stderr and "Traceback" not in result.output


def test_txt_folder_and_stdin(db, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.txt").write_text(BENIGN, encoding="utf-8")
    (folder / "b.txt").write_text(RISKY, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert invoke(db, str(folder), "-o", str(out)).exit_code == 1
    assert [r["subject"]["id"] for r in reports(out)] == ["a.txt", "b.txt"]
    result = invoke(db, "-", "--format", "jsonl", stdin=RISKY)
    assert result.exit_code == 1 and json.loads(result.stdout.splitlines()[0])["findings"]


@pytest.mark.slow
def test_two_jobs_write_the_same_bytes_as_one(db, tmp_path):
    rows = [(f"s{i}", RISKY if i % 3 == 0 else BENIGN, "facebook") for i in range(150)]
    src = write_csv(tmp_path / "s.csv", rows)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    invoke(db, str(src), "-o", str(one), "--date", "2026-12-05")
    invoke(db, str(src), "-o", str(two), "--date", "2026-12-05", "--jobs", "2")

    def stable(path):  # the run id and time differ between runs; nothing else may
        return [{k: v for k, v in r.items() if k not in ("run", "checked_at")}
                for r in reports(path)]

    assert stable(one) == stable(two)


def test_khmer_statement_is_analysed_and_says_in_which_language(db, tmp_path):
    """Since issue 14 Khmer is read (tests/test_khmer.py); a script lawcheck does not read is
    still not analysed, and says so."""
    src = tmp_path / "s.jsonl"
    src.write_text(json.dumps({"id": "k1", "text": "សេចក្តីថ្លែងការណ៍", "language": "km"},
                              ensure_ascii=False) + "\n"
                   + json.dumps({"id": "t1", "text": "แถลงการณ์"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    result = invoke(db, str(src), "--format", "jsonl")
    khmer, thai = (json.loads(line) for line in result.stdout.splitlines()[:2])
    assert khmer["analysis"]["analysed"] is True
    assert khmer["analysis"]["analysed_languages"] == ["km"]
    assert not any("SCREENED" in c for c in khmer["caveats"])
    assert thai["analysis"]["analysed"] is False and thai["caveats"]


@pytest.mark.slow
def test_killed_review_loses_nothing_and_resume_finishes_without_duplicates(tmp_path):
    """SIGKILL mid-way: the output is whole up to its last complete line, the database holds no
    run for the killed review, and --resume writes each remaining id exactly once."""
    db = str(tmp_path / "kill.db")
    rows = [(f"s{i:05d}", (RISKY if i % 4 == 0 else BENIGN) + f" Ref {i}.", "facebook")
            for i in range(4000)]
    src = write_csv(tmp_path / "s.csv", rows)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "LAWCHECK_DB": db}
    command = [sys.executable, "-m", "lawcheck", "review", str(src), "-o", str(out),
               "--date", "2026-12-05"]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        if out.exists() and out.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    assert child.poll() is None, "the review finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    data = out.read_bytes()
    whole = data[:data.rfind(b"\n") + 1]
    written = [json.loads(line)["subject"]["id"] for line in whole.decode().splitlines()]
    assert 0 < len(written) < len(rows)
    history = subprocess.run([sys.executable, "-m", "lawcheck", "history", "--format", "json"],
                             env=env, capture_output=True, text=True, check=True)
    assert json.loads(history.stdout) == []  # no half-written run
    done = subprocess.run(command + ["--resume"], env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    ids = [r["subject"]["id"] for r in reports(out)]
    assert ids == [r[0] for r in rows]  # every id once, in input order
    assert ids[:len(written)] == written


def test_resume_cannot_continue_an_html_page(db, tmp_path):
    src = write_csv(tmp_path / "s.csv", [("s1", BENIGN, "facebook")])
    result = invoke(db, str(src), "-o", str(tmp_path / "r.html"), "--resume")
    assert result.exit_code == 2 and "jsonl" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "html", "text"])
def test_show_prints_a_kept_review_again_byte_for_byte(db, tmp_path, fmt):
    src = write_csv(tmp_path / "s.csv", [("s1", BENIGN, "press_release"),
                                         ("s2", RISKY, "facebook")])
    printed = invoke(db, str(src), "--format", fmt, "--keep-text", "--date", "2026-12-05")
    run = CliRunner().invoke(cli, ["--db", db, "history", "--format", "json"])
    run_id = json.loads(run.stdout)[0]["id"]
    shown = CliRunner().invoke(cli, ["--db", db, "show", run_id, "--format", fmt])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == printed.stdout


def test_without_keep_text_the_stored_review_holds_no_words(db, tmp_path):
    marker = "Zebulon Quartermaine-Xylo"
    src = write_csv(tmp_path / "s.csv", [("s1", f"{marker} is a corrupt thief.", "facebook")])
    invoke(db, str(src), "--format", "jsonl")
    for path in Path(db).parent.glob(Path(db).name + "*"):
        assert marker.encode() not in path.read_bytes(), path


def test_export_of_a_review_run_holds_jsonl_html_and_cited_law(db, tmp_path):
    import hashlib
    import zipfile

    src = write_csv(tmp_path / "s.csv", [("s2", RISKY, "facebook")])
    invoke(db, str(src), "--format", "jsonl", "--keep-text")
    run_id = json.loads(CliRunner().invoke(cli, ["--db", db, "history", "--format",
                                                  "json"]).stdout)[0]["id"]
    pack = tmp_path / "pack.zip"
    result = CliRunner().invoke(cli, ["--db", db, "export", run_id, "-o", str(pack)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(pack) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
        assert {"reports.jsonl", "report.html", "manifest.json"} <= names
        assert any(n.startswith("provisions/") and "art-502" in n for n in names)
        for entry in manifest["files"]:
            assert hashlib.sha256(z.read(entry["path"])).hexdigest() == entry["sha256"]
        assert {e["path"] for e in manifest["files"]} == names - {"manifest.json"}


def test_no_findings_is_never_presented_as_clearance(db, tmp_path):
    """A statement on which no rule fired says what that is worth (the analyser's measured catch
    rate on real statements, lawcheck/speech/measured.py); a flagged one does not repeat it, and
    the reviewer's page says it once for the batch."""
    from lawcheck.speech.measured import FOUND, OF

    result = invoke(db, "--text", BENIGN, "--format", "jsonl")
    report = json.loads(result.stdout.splitlines()[0])
    assert report["result"] == "no findings"
    assert any(c.startswith("No finding is not clearance") and f"{FOUND} of {OF}" in c
               for c in report["caveats"])
    flagged = json.loads(invoke(db, "--text", RISKY, "--format", "jsonl").stdout.splitlines()[0])
    assert not any("not clearance" in c for c in flagged["caveats"])
    page = tmp_path / "page.html"
    invoke(db, "--text", BENIGN, "--format", "html", "-o", str(page))
    assert page.read_text(encoding="utf-8").count("is not clearance") == 1


def test_the_batch_line_says_once_that_no_findings_is_not_clearance(db):
    from lawcheck.speech.measured import batch_note

    quiet = invoke(db, "--text", BENIGN, "--format", "jsonl")
    assert quiet.stderr.count(batch_note()) == 1
    flagged = invoke(db, "--text", RISKY, "--format", "jsonl")
    assert batch_note() not in flagged.stderr
