"""The rule base's own YAML test cases (rules/**/*.tests.yaml), collected by pytest, on both
engines: facts in, exactly the expected rules out."""

from __future__ import annotations

import pytest

from lawcheck.report.rules import case_text
from lawcheck.rulebase.loader import load
from lawcheck.settings import rules_dir

CASES = load(rules_dir(), provisions=None).tests


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    from lawcheck import api

    db = f"sqlite:///{tmp_path_factory.mktemp('cases') / 'db.sqlite'}"
    engines = ["reference"]
    try:
        import lawcheck.engine.durable  # noqa: F401
        engines.append("durable")
    except ImportError:
        pass
    return {name: {(r.case.file, r.case.line): r for r in api.rules_test(db=db, engine=name)}
            for name in engines}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file.rsplit('/', 1)[-1]}:{c.line}:{c.name}"
                                               for c in CASES])
def test_rule_case(results, case):
    for engine, by_case in results.items():
        result = by_case[(case.file, case.line)]
        assert result.passed, f"[{engine}] " + case_text(result)


def test_every_rule_with_a_condition_fires_in_some_case():
    rulebase = load(rules_dir(), provisions=None)
    untested = [r.id for r in rulebase.rules if r.when is not None
                and not any(r.id in c.expect for c in rulebase.tests)]
    assert untested == []
