"""plan → facts (lawcheck.derive): the facts read from free text, where a wrong reading would
make a rule fire or stay quiet for the wrong reason."""

from __future__ import annotations

import pytest

from lawcheck.derive import notice_to_province


@pytest.mark.parametrize("authority, expected", [
    # the addressees the 2017 letter names (kh/moi-letter-2017/para-1)
    ("Kampong Speu provincial hall and Oral district governor", True),
    ("Stung Treng provincial hall", True),
    ("provincial administration (yearly training plan)", True),
    ("provincial and district authorities", True),
    ("Ministry of Interior and Phnom Penh City Hall", True),
    ("Phnom Penh City Hall", True),
    ("the governor of Kratie province", True),
    # local authorities below them, or a line department, which is not the administration
    ("commune chief", False),
    ("commune officials", False),
    ("district governor", False),
    ("Chhuk district governor and provincial health department", False),
    # nothing lawcheck can place: not known, so the rule reports it could not run
    ("the authorities", None),
    ("", None),
    (None, None),
])
def test_notice_to_province_reads_who_was_told(authority, expected):
    assert notice_to_province(authority) is expected
