"""Working days from the holiday calendar kept as data."""

from __future__ import annotations

from datetime import date

from lawcheck.calendar import load_calendar
from lawcheck.settings import rules_dir

KH = load_calendar(rules_dir() / "calendars" / "kh.yaml")


def test_working_days_skip_weekends_and_holidays_and_exclude_both_ends():
    # Monday 2 Nov 2026 → Monday 9 Nov (Independence Day, a holiday): Tue–Fri count
    assert KH.working_days_between(date(2026, 11, 2), date(2026, 11, 9)) == 4
    # Wed 4 Nov → Thu 12 Nov: Thu 5, Fri 6, (weekend), Mon 9 is a holiday, Tue 10, Wed 11
    assert KH.working_days_between(date(2026, 11, 4), date(2026, 11, 12)) == 4
    assert KH.working_days_between(date(2026, 11, 4), date(2026, 11, 13)) == 5
    assert KH.working_days_between(date(2026, 11, 12), date(2026, 11, 12)) == 0
    assert KH.working_days_between(date(2026, 11, 13), date(2026, 11, 12)) == 0


def test_deadline_after_working_days():
    assert KH.add_working_days(date(2026, 11, 6), 1) == date(2026, 11, 10)  # Fri → Tue
    assert KH.add_working_days(date(2026, 11, 6), 0) == date(2026, 11, 6)


def test_protected_days_and_completeness_are_data():
    assert KH.is_protected(date(2026, 11, 9)) and not KH.is_protected(date(2026, 11, 10))
    assert KH.is_holiday(date(2026, 1, 1)) and not KH.is_working_day(date(2026, 11, 7))
    assert not KH.is_complete(date(2026, 11, 9))  # lunar holidays not listed yet
