"""The audit trail: every ``check`` and ``review`` is stored as a *run*.

A run holds when it ran, the as-of date, what was checked (source and sha256), the rule-base
and corpus versions, the exact text of every provision version cited, the findings (rule,
category, kind, severity, span offsets) and the risk scores; the rule files themselves are
kept once per rule-base version. By default no words of a plan or statement are stored: each
report is redacted (:func:`redact`) before it is written. With ``keep_text`` the report is
stored whole, with the input, and ``lawcheck show`` prints exactly what the run printed.

Recording API (used by ``check`` and, per statement, by ``review``)::

    from lawcheck.audit import RunRecorder

    with opened(db) as store:
        with RunRecorder(store, kind="statements", source="statements.csv",
                         sha256=file_sha256, keep_text=False,
                         render={"format": "jsonl"}) as recorder:
            for statement in statements:
                report = review_one(statement)           # a SPEC §5 report dict
                printed = recorder.add(report, text=statement.text)
                out.write(render(printed))               # has "run" and "privacy" keys
        # leaving the block commits (one transaction); an exception records nothing

- ``recorder.id`` is the run id (known from the start, so it can be printed as you go).
- ``recorder.add(report, text=None)`` returns the report to print: a copy with
  ``"run": id`` and ``"privacy": {"text_kept": bool}``, in plain JSON types. Render that
  copy, not the original, or ``show`` may differ. ``text`` (a statement's words) is stored
  only with keep_text; without it, a report still holding the words is refused (LC900).
- ``recorder.add_input(name, bytes)`` keeps an input file, with keep_text only.
- Reports are spooled to an unlinked 0600 temporary file, so memory stays bounded for any
  number of statements, and a process killed before or during ``commit()`` leaves no run.
"""

from lawcheck.audit.recorder import RunRecorder, new_run_id, redact

__all__ = ["RunRecorder", "new_run_id", "redact"]
