"""The fixed vocabularies of lawcheck, defined once (issue 16): plan validation, statement
inputs, the derived facts and the CLI read them from here instead of keeping their own copies.

SPEC §3-§5 fixes these values; a new value needs a change to the SPEC and here. The facts of
rules/facts.yaml that take one of these name it (``values: vocabulary.org_types``) and the rule
loader reads it from here (:func:`named`), so the rules, plan validation and statement inputs
cannot drift apart (tests/test_plan_vocabulary.py fails on any copy, in Python or in facts.yaml).
"""

from __future__ import annotations

import re

ORG_TYPES = ("domestic_association", "domestic_ngo", "foreign_ngo", "foreign_association",
             "community_group")
SECTORS = ("human_rights", "land_environment", "elections", "media", "labour", "advocacy",
           "health", "education", "development", "humanitarian", "other")
PROFILES = ("low", "moderate", "high")
PREMISES = ("private", "government", "own")
ACTIVITY_TYPES = ("meeting", "training", "workshop", "public_forum", "assembly", "march", "rally",
                  "strike", "vigil", "petition", "press_conference", "publication",
                  "social_media_campaign", "election_observation", "research", "field_visit",
                  "service_delivery", "other")
#: Activity types that are demonstrations under the Peaceful Demonstration law.
DEMONSTRATIONS = ("assembly", "march", "rally", "vigil", "strike")
#: What may change in an organisation; the first four must be notified (LANGO), the others
#: are recorded but no rule counts a deadline for them.
CHANGE_KINDS = ("leader", "address", "statutes", "bank_account", "name", "logo")
NOTIFIED_CHANGE_KINDS = CHANGE_KINDS[:4]
MEDIA = ("press_release", "facebook", "joint_statement", "interview", "speech", "banner",
         "website", "other")
#: Media that put a statement online (the facts activity.online and statement.online).
ONLINE_MEDIA = ("facebook", "website")
SPEAKERS = ("organization", "staff", "partner")
VENUE_KINDS = ("designated_expression_place", "private_property_with_consent", "private_property",
               "public_road", "public_place", "indoor_private", "other")
PARTY_SUPPORT = ("none", "some_parties", "all_parties_equally")
PARTNER_KINDS = ("ngo", "community_group", "government", "political_party", "donor", "company",
                 "media", "other")
HISTORY_KINDS = ("warning", "halt_order", "suspension", "investigation", "summons", "other")
#: The kinds of election whose campaign periods rules/calendars/elections.yaml gives.
ELECTION_KINDS = ("national_assembly", "commune_council", "subnational_council", "senate")
#: A finding's severity (SPEC §5), least serious first.
SEVERITIES = ("info", "low", "medium", "high", "critical")
#: A risk's level (SPEC §5), least serious first.
RISK_LEVELS = ("none", "low", "moderate", "high", "critical")

# The capital and the 24 provinces, as spelled by the Ministry of Interior's English lists.
CAPITAL = "Phnom Penh"
PROVINCES = (CAPITAL, "Banteay Meanchey", "Battambang", "Kampong Cham", "Kampong Chhnang",
             "Kampong Speu", "Kampong Thom", "Kampot", "Kandal", "Kep", "Koh Kong", "Kratie",
             "Mondulkiri", "Oddar Meanchey", "Pailin", "Preah Sihanouk", "Preah Vihear",
             "Prey Veng", "Pursat", "Ratanakiri", "Siem Reap", "Stung Treng", "Svay Rieng", "Takeo",
             "Tbong Khmum")
# Other spellings in common use -> the name above (compared without case, spaces or hyphens).
PROVINCE_ALIASES = {"sihanoukville": "Preah Sihanouk", "kompongsom": "Preah Sihanouk",
                    "siemreab": "Siem Reap", "rattanakiri": "Ratanakiri",
                    "ratanakkiri": "Ratanakiri", "mondolkiri": "Mondulkiri",
                    "steungtreng": "Stung Treng", "stoengtreng": "Stung Treng",
                    "kracheh": "Kratie", "otdarmeanchey": "Oddar Meanchey",
                    "pouthisat": "Pursat", "takev": "Takeo", "krongkep": "Kep",
                    "phnompenhcapital": "Phnom Penh", "tboungkhmum": "Tbong Khmum",
                    "batdambang": "Battambang", "kaohkong": "Koh Kong"}


def key(text: str) -> str:
    """``text`` compared without case, spaces, hyphens or underscores."""
    return re.sub(r"[\s\-_]+", "", text.lower())


#: Every accepted spelling, as compared by :func:`province_key` -> the province's name.
PROVINCE_KEYS = {key(p): p for p in PROVINCES} | {key(a): p for a, p in PROVINCE_ALIASES.items()}


def province_key(text: str) -> str:
    """The comparison form of a province as people write it ("Kompong Speu province",
    "Khet Kampot"): :func:`key` with the common prefix and suffixes dropped."""
    found = key(text).replace("kompong", "kampong").removeprefix("khet")
    return found.removesuffix("province").removesuffix("capital")


def province(text: str) -> str | None:
    """The province's name for any accepted spelling of it, else None."""
    return PROVINCE_KEYS.get(province_key(text))


#: How facts.yaml names a vocabulary of this module: ``vocabulary.`` and its name in lower case.
PREFIX = "vocabulary."


def vocabularies() -> dict[str, tuple[str, ...]]:
    """Every vocabulary of this module by the name facts.yaml gives it (``vocabulary.sectors``
    for :data:`SECTORS`): the upper-case tuples of strings defined here."""
    return {PREFIX + name.lower(): value for name, value in globals().items()
            if name.isupper() and isinstance(value, tuple) and value
            and all(isinstance(v, str) for v in value)}


def named(name: str) -> tuple[str, ...] | None:
    """The vocabulary ``name`` names (``vocabulary.org_types``), else None."""
    return vocabularies().get(name.strip())

#: How sure a fact is, strongest first (rules, provisions, calendars, elections, precedents).
CONFIDENCE = ("confirmed", "likely", "uncertain")
