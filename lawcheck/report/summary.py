"""What every rendering of a report shares: order, grouping, the summary, and plain wording.

Renderers never compute anything legal. They take the SPEC §5 report dict (plus ``caveats`` and
``activities``) and lay it out; every choice of order or emphasis is made here, once, so the
terminal, Markdown and HTML views always agree. Nothing here reads the clock: ``checked_at``
comes from the report, so the same report always renders to the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lawcheck.model import CONFIDENCE_MEANING
# what to do and by when (the report's deadlines) lives in act_by.py; re-exported because the
# renderers read every shared piece as summary.*
from lawcheck.report.act_by import (ACT_BY_HEADING, NOTHING_DUE, OVERDUE_HEADING,  # noqa: F401
                                    SOON_HEADING, Action, act_by, long_date)
from lawcheck.risk import LADDER_WORDS
from lawcheck.rulebase.model import KINDS, SEVERITIES
from lawcheck.vocabulary import RISK_LEVELS

#: How many findings and mitigations the summary at the top shows.
TOP = 3
#: Findings at or above this severity are "serious" when ranking mitigations.
SERIOUS = ("high", "critical")
RISKS = (("deregistration", "Deregistration risk"), ("prosecution", "Prosecution risk"))

#: One heading and one plain sentence per kind. The three are never shown together.
KIND_HEADINGS = {
    "violation": ("Violations", "the plan breaks a clear legal duty."),
    "risk": ("Risks", "not clearly unlawful, but a vague clause (\"public order\", \"national "
                      "security\", \"neutrality\") has been used against similar acts."),
    "advisory": ("Advisories", "preparedness guidance; no legal duty is involved."),
}
KIND_LABELS = {"violation": "Violation", "risk": "Risk", "advisory": "Advisory"}
VERIFY = "the legal basis must be verified against the official Khmer text before relying on it"
CLEAR = "No findings: clear on every check that could run."


@dataclass(frozen=True)
class Section:
    kind: str
    heading: str
    meaning: str
    findings: tuple[dict, ...]


@dataclass(frozen=True)
class Group:
    """The findings about the organisation (``activity is None``) or one activity."""

    activity: str | None
    heading: str
    sections: tuple[Section, ...]  # only kinds that have findings, in KINDS order
    #: Questions the plan must answer before serious checks can run: shown first.
    questions: tuple[dict, ...] = ()
    #: How many checks on this subject could not run (see "Not checked").
    unchecked: int = 0

    @property
    def clear_line(self) -> str | None:
        """The line shown when nothing was found; None when there are findings or questions."""
        if self.sections or self.questions:
            return None
        if self.unchecked:
            return (f"No findings on the checks that could run, but {self.unchecked} check"
                    f"{'s' if self.unchecked != 1 else ''} could not run (see \"Not checked\"): "
                    "this is not a clean result.")
        return CLEAR


@dataclass(frozen=True)
class Unchecked:
    """One check that could not run, in the user's words."""

    rule: str
    title: str
    place: str  # "Organisation" or "Activity M1"
    severity: str
    keys: tuple[str, ...]  # plan keys to add
    reasons: tuple[str, ...]  # why lawcheck could not work a fact out, in words
    statements: tuple[int, ...] = ()  # the activity's statements it is about (1-based)

    @property
    def where(self) -> str:
        if not self.statements:
            return self.place
        numbers = ", ".join(str(n) for n in self.statements)
        return f"{self.place}, statement{'s' * (len(self.statements) > 1)} {numbers}"

    @property
    def needs(self) -> tuple[str, ...]:
        return tuple(f"add {k}" for k in self.keys) + self.reasons

    @property
    def rule_note(self) -> str:
        """The rule id, shown beside the title (nothing when the title is the id)."""
        return "" if self.title == self.rule else self.rule


@dataclass(frozen=True)
class Mitigation:
    id: str
    text: str
    serious: int  # how many serious findings name it
    total: int  # how many findings name it


def _rank(value, order) -> int:
    return order.index(value) if value in order else len(order)


def _activity_order(report: dict) -> dict:
    return {a.get("id"): i for i, a in enumerate(report.get("activities") or [])}


def _where_key(finding: dict, order: dict) -> tuple:
    where = finding.get("where") or {}
    act = where.get("activity")
    statement = where.get("statement")
    return (act is not None, order.get(act, len(order)), str(act or ""),
            statement is not None, statement if isinstance(statement, int) else -1,
            str(where.get("spans") or ""))


def finding_key(finding: dict, order: dict | None = None) -> tuple:
    """Most serious first: severity, then kind (violation > risk > advisory), then rule id."""
    return (-_rank(finding.get("severity"), SEVERITIES), _rank(finding.get("kind"), KINDS),
            str(finding.get("rule", "")), _where_key(finding, order or {}))


def canonical(report: dict) -> dict:
    """A shallow copy of ``report`` whose findings are in the one order every format uses.

    Sorting is stable and idempotent: a report that is already in order is unchanged."""
    out = dict(report)
    order = _activity_order(report)
    out["findings"] = sorted(report.get("findings") or [], key=lambda f: finding_key(f, order))
    return out


def activity_heading(activity_id: str | None, report: dict) -> str:
    if activity_id is None:
        return "Organisation"
    for a in report.get("activities") or []:
        if a.get("id") == activity_id:
            details = ", ".join(str(a[k]) for k in ("type", "start") if a.get(k))
            title = f": {a['title']}" if a.get("title") else ""
            return f"Activity {activity_id}{title}" + (f" ({details})" if details else "")
    return f"Activity {activity_id}"


def groups(report: dict) -> list[Group]:
    """Organisation first, then each activity in plan order (those with no finding included,
    with no sections: they are clear), then any activity a finding names but the plan list lacks.
    """
    report = canonical(report)
    ids: list = [None] + [a.get("id") for a in report.get("activities") or []]
    extra = sorted({(f.get("where") or {}).get("activity") for f in report["findings"]} -
                   set(ids), key=str)
    out = []
    for act in ids + extra:
        here = [f for f in report["findings"] if (f.get("where") or {}).get("activity") == act]
        asked = tuple(sorted((f for f in here if is_question(f)),
                             key=lambda f: f.get("question") if isinstance(f.get("question"), int)
                             else 0))
        mine = [f for f in here if not is_question(f)]
        kinds = list(KINDS) + sorted({str(f.get("kind")) for f in mine} - set(KINDS))
        sections = tuple(Section(k, *_heading(k), tuple(f for f in mine if str(f.get("kind")) == k))
                         for k in kinds if any(str(f.get("kind")) == k for f in mine))
        unchecked = sum(1 for e in report.get("not_checked") or []
                        if _entry_activity(e) == act)
        if act is None and not sections and not unchecked:
            continue  # no organisation heading when nothing is said about the organisation
        out.append(Group(act, activity_heading(act, report), sections, asked, unchecked))
    return out


def is_question(finding: dict) -> bool:
    """A question the plan must answer (lawcheck.unknowns), not a finding about the plan."""
    return bool(finding.get("question"))


QUESTIONS_HEADING = "Answer these first"
QUESTIONS_MEANING = ("the plan does not say, so serious checks could not be made; "
                     "until answered, this activity is not known to be clear.")


def _heading(kind: str) -> tuple[str, str]:
    """A kind outside SPEC §5 gets its own section: never folded into another kind."""
    return KIND_HEADINGS.get(kind) or (f"Unclassified ({kind})", "a kind SPEC §5 does not know; "
                                       "ask whoever maintains the rules.")


def top_findings(report: dict, n: int = TOP) -> list[dict]:
    return [f for f in canonical(report)["findings"] if not is_question(f)][:n]


def top_questions(report: dict) -> list[dict]:
    """Every question, in plan order: each one stands for serious checks that did not run."""
    return [f for group in groups(report) for f in group.questions]


def first_mitigations(report: dict, n: int = TOP) -> list[Mitigation]:
    """Mitigations to act on first: those that serious findings name as their main remedy
    (a rule lists its main remedy first), then those named by the most serious findings, then
    by the most findings, then the one the most serious finding names, then id."""
    seen: dict[str, list] = {}
    for rank, f in enumerate(canonical(report)["findings"]):
        serious = f.get("severity") in SERIOUS
        for position, m in enumerate(f.get("mitigations") or []):
            entry = seen.setdefault(m.get("id", ""), [m.get("text", ""), 0, 0, rank, 0])
            entry[1] += serious
            entry[2] += 1
            entry[4] += serious and position == 0
    ranked = sorted(seen.items(),
                    key=lambda kv: (-kv[1][4], -kv[1][1], -kv[1][2], kv[1][3], kv[0]))
    return [Mitigation(mid, text, serious, total)
            for mid, (text, serious, total, _, _) in ranked[:n]]


def mitigation_count(m: Mitigation) -> str:
    if not m.serious:
        return f"named by {m.total} finding{'s' if m.total != 1 else ''}"
    more = f", {m.total} in all" if m.total != m.serious else ""
    return f"named by {m.serious} serious finding{'s' if m.serious != 1 else ''}{more}"


def where_label(finding: dict, report: dict) -> str:
    """Short location, for the summary: 'Organisation' or 'Activity A1, statement 2'."""
    where = finding.get("where") or {}
    label = "Organisation" if where.get("activity") is None else f"Activity {where['activity']}"
    if isinstance(where.get("statement"), int):
        label += f", statement {where['statement'] + 1}"
    return label


def statement_line(finding: dict) -> str | None:
    """'Statement 2: "…excerpt…"' when the finding is about one statement, else None."""
    where = finding.get("where") or {}
    if not isinstance(where.get("statement"), int):
        return None
    excerpt = where.get("excerpt")
    return f"Statement {where['statement'] + 1}" + (f': "{excerpt}"' if excerpt else "")


def confidence_note(finding: dict) -> str:
    c = finding.get("confidence") or "uncertain"
    return c if c == "confirmed" else f"{c}: {VERIFY}"


def needs_verifying(finding: dict) -> bool:
    return (finding.get("confidence") or "uncertain") != "confirmed"


def confidence_mark(finding: dict) -> str:
    """A short mark for one-line listings: '' when confirmed, else 'likely: verify'."""
    return f"{finding.get('confidence') or 'uncertain'}: verify" if needs_verifying(finding) else ""


def consequence_line(finding: dict) -> str:
    return (f"{finding.get('consequence', '')} (area: {finding.get('pillar', '')}, "
            f"{finding.get('category', '')})")


def citation_label(c: dict) -> str:
    title = c.get("title")
    version = f", version {c['version']}" if c.get("version") else ""
    return (f"{title} ({c.get('provision', '')}{version})" if title
            else f"{c.get('provision', '')}{version}")


DIGEST = "digest in lawcheck's words, not the official text"


def citation_mark(c: dict) -> str:
    """What a reader must know beside a quoted provision: that it is a digest (when it is one)
    and how sure lawcheck is of it (its corpus mark)."""
    parts = [DIGEST] if c.get("digest") else []
    if c.get("confidence"):
        parts.append(c["confidence"])
    return "; ".join(parts)


def level_label(level) -> str:
    return str(level or "unknown").upper()


def risks(report: dict) -> list[tuple[str, str, dict]]:
    """(key, label, value) for the two risk scores, in fixed order."""
    r = report.get("risk") or {}
    return [(key, label, r.get(key) or {}) for key, label in RISKS]


def driver_titles(value: dict, report: dict) -> list[str]:
    titles = {f.get("rule"): f.get("title") for f in report.get("findings") or []}
    return [titles.get(d) or d for d in value.get("drivers") or []]


#: How many checks that could not run the summary names.
TOP_UNCHECKED = 5


def _entry_activity(entry: dict):
    return (entry.get("where") or {}).get("activity", entry.get("activity"))


def _unchecked(entry: dict) -> Unchecked:
    act = _entry_activity(entry)
    place = "Organisation" if act is None else f"Activity {act}"
    statement = entry.get("statement")
    reasons = [str(r) for r in entry.get("reasons") or []]
    if entry.get("reason"):
        reasons.append(str(entry["reason"]))
    return Unchecked(str(entry.get("rule", "")), str(entry.get("title") or entry.get("rule", "")),
                     place, str(entry.get("severity") or ""),
                     tuple(str(m) for m in entry.get("missing") or []), tuple(reasons),
                     (statement + 1,) if isinstance(statement, int) else ())


def not_checked(report: dict) -> list[Unchecked]:
    """The checks that could not run, in plan order (organisation first), then by rule."""
    order = _activity_order(report)
    entries = sorted(report.get("not_checked") or [], key=lambda e: (
        _entry_activity(e) is not None, order.get(_entry_activity(e), len(order)),
        str(_entry_activity(e) or ""), str(e.get("rule", "")), e.get("statement") or 0))
    return [_unchecked(e) for e in entries]


NOT_CHECKED_MEANING = ("These checks could not run: the plan does not give the facts they need, "
                       "or lawcheck could not work them out. Add them to the plan and check "
                       "again; until then nothing is known about them.")


def unchecked_heading(report: dict) -> str:
    total = len(report.get("not_checked") or [])
    return (f"Could not check ({total} in all; the most serious below)")


def top_not_checked(report: dict, n: int = TOP_UNCHECKED) -> list[Unchecked]:
    """The ``n`` checks that could not run whose rules are the most severe. A rule that could
    not run on several statements of one activity for the same reason is one row ("Activity
    M1, statements 2, 3"), so one missing signal does not crowd out the other checks."""
    rows = _by_statement_group(not_checked(report))
    ranked = sorted(range(len(rows)), key=lambda i: (_rank(rows[i].severity, SEVERITIES[::-1]),
                                                     i))
    return [rows[i] for i in ranked[:n] if rows[i].severity not in ("info", "low")]


def _by_statement_group(rows: list[Unchecked]) -> list[Unchecked]:
    """Rows that differ only in the statement they are about, merged, in first-seen order."""
    merged: dict[tuple, Unchecked] = {}
    for row in rows:
        key = (row.rule, row.title, row.place, row.severity, row.keys, row.reasons,
               bool(row.statements))
        if key in merged and row.statements:
            first = merged[key]
            row = replace(first, statements=tuple(sorted(first.statements + row.statements)))
        merged[key] = row  # a dict keeps the first key's place in the order
    return list(merged.values())


UNSCREENED = {"not screened": "NOT SCREENED", "partly screened": "PARTLY SCREENED"}


def unscreened(report: dict, activity) -> list[str]:
    """One line for each statement of ``activity`` that lawcheck could not (fully) analyse, from
    ``report["statements"]`` (their result and unanalysed spans)."""
    out = []
    for s in report.get("statements") or []:
        if s.get("activity") != activity or s.get("result") not in UNSCREENED:
            continue
        analysis = s.get("analysis") or {}
        spans = ", ".join(f"{u['span'][0]}-{u['span'][1]}"
                          for u in analysis.get("unanalysed") or [] if u.get("span"))
        number = s["statement"] + 1 if isinstance(s.get("statement"), int) else "?"
        out.append(f"Statement {number}: {UNSCREENED[s['result']]} (language "
                   f"{analysis.get('language', '?')}; characters {spans} not analysed): no "
                   "finding on those words means nothing; have a person who reads them review "
                   "the statement.")
    return out


def clear_line(report: dict, group) -> str | None:
    """The group's line when nothing was found, never "clear" when a statement of it was not
    (fully) analysed."""
    line = group.clear_line
    if line == CLEAR and unscreened(report, group.activity):
        return ("No findings on what lawcheck could read, but a statement was not (fully) "
                "analysed (below): this is not a clean result.")
    return line


def caveats(report: dict) -> list[str]:
    return [str(c) for c in report.get("caveats") or []]


def header_lines(report: dict) -> tuple[str, str]:
    """(title, the line saying when, against what law, and with which rules)."""
    subject = report.get("subject") or {}
    title = f"Compliance check: {subject.get('source') or subject.get('kind') or 'plan'}"
    rb, corpus = report.get("rulebase") or {}, report.get("corpus") or {}
    meta = (f"Checked {report.get('checked_at', '?')} against the law as of "
            f"{report.get('as_of', '?')}; {rb.get('rules', '?')} rules "
            f"(version {str(rb.get('version', '?'))[:12]}), {corpus.get('laws', '?')} laws "
            f"(version {str(corpus.get('version', '?'))[:12]}); "
            f"lawcheck {report.get('lawcheck', '?')}.")
    return title, meta


def fingerprint(report: dict) -> str:
    """Full hashes of what was checked and with what, so a printed report can be audited."""
    subject = report.get("subject") or {}
    return (f"{subject.get('source', '?')} sha256 {subject.get('sha256', '?')}; rules "
            f"{(report.get('rulebase') or {}).get('version', '?')}; corpus "
            f"{(report.get('corpus') or {}).get('version', '?')}.")


NOT_ADVICE = ("lawcheck flags legal exposure to help plan work; it is not legal advice. "
              "Quoted law marked 'digest' is lawcheck's summary in its own words, not the "
              "official text. Marks: "
              + "; ".join(f"{mark} = {meaning}" for mark, meaning in CONFIDENCE_MEANING.items())
              + ". Have findings marked likely or uncertain checked.")


# --- each risk in plain words, the arithmetic behind it -----------------------------------------

COMPUTED = "How this was computed"
_PLAIN = {
    "deregistration": {
        "critical": "the organisation could lose its registration or MoU: removal from the "
                    "register, or an order to stop its activities, is within reach",
        "high": "the Ministry may suspend the organisation",
        "moderate": "the Ministry may send a written warning or ask for corrections",
        "low": "a measure against the organisation is possible but unlikely on what the plan "
               "shows",
        "none": "no finding puts the organisation's registration at risk",
    },
    "prosecution": {
        "critical": "staff or leaders are likely to face a summons, arrest or criminal charges",
        "high": "staff or leaders may face a criminal complaint, a summons or charges",
        "moderate": "a criminal complaint or summons against staff or leaders is possible",
        "low": "criminal charges are unlikely on what the plan shows",
        "none": "no finding leads to criminal charges",
    },
}


def computed_label(value: dict) -> str:
    """'How this was computed (score 0.79)': the heading of a risk's arithmetic."""
    score = value.get("score")
    return COMPUTED + (f" (score {score:.2f})" if isinstance(score, (int, float)) else "")


def plain_risk(key: str, value: dict, report: dict | None = None) -> str:
    """'High: the Ministry may suspend the organisation; a prior warning recorded, so the next
    measure is suspension, not removal.': the level and what it means, before any arithmetic."""
    level = value.get("level")
    words = _PLAIN.get(key, {}).get(level)
    if words is None:
        return f"{level_label(level).capitalize()}: lawcheck cannot say what this level means."
    if value.get("ladder") in LADDER_WORDS:  # LANGO Art 30's ladder, worded once
        words += f"; {LADDER_WORDS[value['ladder']]}"
    if level == "none" and (report or {}).get("not_checked"):
        words += ", on the checks that could run (see \"Could not check\")"
    return f"{str(level).capitalize()}: {words}."


# --- "Why it matters" without the fact dump, and the facts as one plain line ---------------------

_FOUND = re.compile(r"\s*\(Found: (.*)\.\)\s*$", re.S)
_FACT = re.compile(r"^(not: )?([a-z_]+)\.([a-z0-9_.]+) = (.*?)(?: \(.*\))?$", re.S)
_SHOWN = {"true": "yes", "false": "no"}
FOUND_LABEL = "Your plan says"
#: The matched facts met most often, in words: "{}" is the value; a pair is (true, false).
_SAID = {
    "organization.type": "the organisation is a {}",
    "organization.unnotified_change_days": "a change not yet notified was made {} days ago",
    "organization.donor_report_uncopied_days": "a donor report went out {} days ago with no "
                                               "copy to the ministries",
    "organization.days_past_february": "{} days have passed since the end of February",
    "organization.annual_report_years_behind": "annual reports are {} year(s) behind",
    "organization.donor_funded": ("donor funded", "not donor funded"),
    "organization.has_mou": ("an MoU signed", "no MoU"),
    "organization.public_profile": "a {} public profile",
    "activity.type": "a {}",
    "activity.public_space": ("in a public place", "not in a public place"),
    "activity.notified": ("notice given", "no notice given yet"),
    "activity.in_capital": ("in Phnom Penh", "outside Phnom Penh"),
    "activity.in_province": ("in a named province", "not in a known province"),
    "activity.province_in_mou": ("in a province the MoU covers",
                                 "in a province the MoU does not cover"),
    "activity.days_past_mou_expiry": "it runs {} days after the MoU expires",
    "activity.front_line_staff_insured": ("front-line staff insured",
                                          "front-line staff not insured"),
    "activity.risk_assessment_done": ("a risk assessment done", "no risk assessment done"),
    "activity.night_travel": ("travel at night", "no travel at night"),
    "activity.notice_working_days": "{} working days of notice",
    "activity.topics": "topics {}",
}


def why_text(finding: dict) -> str:
    """The legal reason alone (the engine appends the matched facts; they go on their own line)."""
    return _FOUND.sub("", str(finding.get("why") or ""))


def found_line(finding: dict) -> str | None:
    """'a march; in a public place; no notice given yet': the facts the rule matched, in one
    line shown as FOUND_LABEL (in words for the facts met most often, else 'name: value');
    None when the finding names none."""
    m = _FOUND.search(str(finding.get("why") or ""))
    if not m:
        return None
    parts = []
    for item in _split(m.group(1)):
        fact = _FACT.match(item.strip())
        if not fact:
            parts.append(item.strip())
            continue
        _, subject, name, value = fact.groups()  # "not:" marks the condition, not the value
        said = _SAID.get(f"{subject}.{name}")
        if isinstance(said, tuple) and value in ("true", "false"):
            parts.append(said[value == "false"])
            continue
        if isinstance(said, str):
            parts.append(said.format(value.replace("_", " ").strip("[]")))
            continue
        value = _SHOWN.get(value, value.replace("_", " "))
        label = name.replace(".", " ").replace("_", " ")
        if subject == "organization":
            label = f"organisation {label}"
        elif subject == "statement":
            label = f"statement {label}"
        parts.append(f"{label}: {value}")
    return "; ".join(parts)


def _split(text: str) -> list[str]:
    """Split on '; ' outside parentheses."""
    out, depth, current = [], 0, []
    for i, char in enumerate(text):
        depth += char == "("
        depth -= char == ")"
        if char == ";" and depth == 0 and text[i + 1:i + 2] == " ":
            out.append("".join(current))
            current = []
            continue
        current.append(char)
    out.append("".join(current))
    return [p for p in (x.strip() for x in out) if p]
