"""Moved to benchmarks/pdfgen.py (the benchmarks import nothing from tests/). This name stays
only for tests that still say ``from tests import pdfgen`` (tests/test_real_laws.py, which is
being edited elsewhere); new code imports ``benchmarks.pdfgen``."""

from benchmarks.pdfgen import *  # noqa: F401,F403
