"""Peak memory of lawcheck on hostile files that are small on disk and huge once read (issue 18).

    python benchmarks/bombs.py

Each case runs in a fresh process, which prints its own peak resident memory (VmHWM) after the
command: the bomb, and beside it a small honest file of the same kind as the baseline, so the
figure to read is the ratio of the two in one run. Before the limits of lawcheck/limits.py the
issue measured 2.1 GB for a 1 MB PDF, 1.7 GB for a 1.5 MB workbook, 3.9 GB for a 200 MB plan and
575 MB for a 1.3 KB rule file. The builders are also used by tests/test_hostile.py; the files are
made on the fly and never committed."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

ORG = "organization:\n  name: x\n  type: domestic_ngo\n"


def alias_bomb(path: Path, levels: int = 9) -> Path:
    """A 'billion laughs' YAML: each level lists the previous one nine times (9**9 leaves)."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def xlsx_bomb(path: Path, shared_mb: int = 300) -> Path:
    """A workbook whose shared-strings part unzips to ``shared_mb`` MB (about 1 MB on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://'
                      'schemas.openxmlformats.org/package/2006/content-types"/>')
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><sst><si><t>')
            block = b"A" * (1024 * 1024)
            for _ in range(shared_mb):
                part.write(block)
            part.write(b"</t></si></sst>")
    return path


def pdf_bomb(path: Path, unpacked_mb: int = 1200) -> Path:
    """A PDF whose one content stream inflates to ``unpacked_mb`` MB of zeros (~1 MB on disk)."""
    packer = zlib.compressobj(9)
    zero = bytes(16 * 1024 * 1024)
    body = b"".join(packer.compress(zero) for _ in range(unpacked_mb // 16)) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body
               + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def big_plan(path: Path, mb: int = 11) -> Path:
    row = "  - {id: A%d, type: training, start: 2026-12-10, title: '" + "x" * 900 + "'}\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(ORG + "activities:\n")
        n = 0
        while fh.tell() < mb * 1024 * 1024:
            fh.write(row % n)
            n += 1
    return path


# --- the benchmark ------------------------------------------------------------------------------

RUN = """
import sys, json
from click.testing import CliRunner
from lawcheck.cli import cli
result = CliRunner().invoke(cli, sys.argv[1:], catch_exceptions=True)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"exit": result.exit_code, "peak_mb": hwm / 1024,
                  "said": (result.output.strip().splitlines() or [""])[0][:100]}))
"""


def _measure(args: list[str], home: Path) -> dict:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "LAWCHECK_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", RUN, "--db", str(home / "db.sqlite"), *args],
                          capture_output=True, text=True, env=env, timeout=600)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        home = tmp / "home"
        small_plan = tmp / "small.yaml"
        small_plan.write_text(ORG + "activities:\n  - id: A1\n    type: training\n"
                              "    start: 2026-12-10\n", encoding="utf-8")
        org = tmp / "org.yaml"
        org.write_text(ORG, encoding="utf-8")
        posts = tmp / "posts.csv"
        posts.write_text("id,text\ns1,We thank the provincial hall.\n", encoding="utf-8")
        law = tmp / "law.txt"
        law.write_text("Article 1\nThe organisation must notify the ministry.\n", "utf-8")
        _measure(["check", str(small_plan)], home)  # first use loads the corpus: not measured
        cases = [
            ("plan, 11 MB YAML", ["check", str(big_plan(tmp / "big.yaml"))],
             ["check", str(small_plan)]),
            ("plan, YAML alias bomb", ["check", str(alias_bomb(tmp / "alias.yaml"))],
             ["check", str(small_plan)]),
            ("plan, XLSX bomb", ["check", str(xlsx_bomb(tmp / "plan.xlsx")), "--org", str(org)],
             ["check", str(small_plan)]),
            ("review, XLSX bomb", ["review", str(xlsx_bomb(tmp / "posts.xlsx"))],
             ["review", str(posts)]),
            ("ingest, PDF flate bomb", ["corpus", "ingest", str(pdf_bomb(tmp / "law.pdf")),
                                        "--law", "kh/bomb-test", "--new"],
             ["corpus", "ingest", str(law), "--law", "kh/small-test", "--new"]),
        ]
        print(f"{'case':26} {'size on disk':>12} {'peak MB':>8} {'baseline MB':>11} "
              f"{'ratio':>6}  exit  message")
        for name, args, base in cases:
            size = max((Path(a).stat().st_size for a in args if Path(a).is_file()), default=0)
            bomb, plain = _measure(args, home), _measure(base, home)
            print(f"{name:26} {size / 1024:>10.0f}KB {bomb['peak_mb']:>8.0f} "
                  f"{plain['peak_mb']:>11.0f} {bomb['peak_mb'] / plain['peak_mb']:>6.2f}  "
                  f"{bomb['exit']:>4}  {bomb['said']}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
