"""Batch review of planned statements: the machinery around the per-statement reviewer.

In pipeline order: :mod:`inputs` streams statements (or bad rows) out of CSV, JSONL, XLSX and text
files; :mod:`parallel` runs a reviewer over them in worker processes, keeping input order and a
bounded number of statements in memory; :mod:`outputs` writes the reports (jsonl, csv, html,
text, summary) and reads back what an interrupted run already wrote (``--resume``);
:mod:`batch` ties the three together; :mod:`progress` draws a bar on a terminal.

Nothing heavy is imported here: openpyxl loads only when a workbook is read.
"""
