"""Annotation started early, in a child process, while the caller still reads the law.

spaCy's import and the pipeline's build are a fixed cost of about a second whatever the law's
size: on a ten-page PDF that is more than reading the PDF itself. Nothing in the pipeline can do
without spaCy (every annotator is a spaCy Matcher over spaCy tokens), so the cost cannot be
skipped; it can be paid at the same time as the PDF is read, when a core is free for it
(:func:`needed`). :func:`start` launches
``python -m lawcheck.annotate.background``, which imports spaCy and builds the English
pipeline at once, then waits for the texts; :meth:`Background.annotate_many` sends them and
reads the annotations back. The child runs the very code :func:`lawcheck.annotate.annotate_many`
runs in-process, so what is stored does not change.

Anything that goes wrong in the child (it cannot start, dies, is killed, answers garbage) makes
:meth:`Background.annotate_many` return None and the caller annotates in-process as before: the
child only ever saves time. :meth:`Background.close` kills a child still running, so none
outlives the ingest that started it (a refused PDF, Ctrl-C).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from ..model import Annotation

#: Seconds to wait for the child's answer before giving up on it (and annotating in-process).
TIMEOUT = 900


def needed() -> bool:
    """Is starting a child worth it? Not once spaCy is loaded here (the pipeline then builds
    in a fraction of the time a child takes to start), and not without a core to spare: the
    child imports again what this process has (about 0.3 s of work), which only pays when it
    runs beside the PDF's reading, not in turn with it."""
    return "spacy" not in sys.modules and spare_core()


def spare_core() -> bool:
    """A core free for the child: the machine's load average leaves one of ours idle."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows): judge by cores alone
        return cores > 1
    return cores > 1 and load <= cores - 1


def start() -> Background | None:
    """A child importing spaCy and building the pipeline now; None if it cannot start."""
    root = str(Path(__file__).resolve().parents[2])  # the folder holding the lawcheck package
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    try:
        child = subprocess.Popen([sys.executable, "-m", "lawcheck.annotate.background"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=env)
    except OSError:
        return None
    return Background(child)


class Background:
    def __init__(self, child: subprocess.Popen) -> None:
        self.child = child

    def annotate_many(self, texts: list[str], language: str
                      ) -> list[tuple[Annotation, ...]] | None:
        """The annotations of ``texts``, as :func:`lawcheck.annotate.annotate_many` gives them,
        or None when the child could not provide them."""
        try:
            out, _ = self.child.communicate(pickle.dumps((language, list(texts))),
                                            timeout=TIMEOUT)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            self.close()
            return None
        if self.child.returncode != 0:
            return None
        try:
            result = pickle.loads(out)
        except Exception:  # noqa: BLE001 - a truncated answer: annotate in-process instead
            return None
        if not isinstance(result, list) or len(result) != len(texts):
            return None
        return result

    def close(self) -> None:
        if self.child.poll() is None:
            self.child.kill()
        self.child.wait()
        for stream in (self.child.stdin, self.child.stdout):
            if stream is not None and not stream.closed:
                stream.close()


def _serve() -> int:
    """The child: load spaCy and the English pipeline, then annotate what the parent sends.
    A law in another language builds its pipeline when the texts come."""
    from lawcheck.annotate import _nlp, annotate_many

    _nlp("en")
    language, texts = pickle.load(sys.stdin.buffer)
    result = annotate_many(texts, language)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve())
