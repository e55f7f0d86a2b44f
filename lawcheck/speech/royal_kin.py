"""The King's kin, named through the King: "the King's brother", "the son of the King" name a
member of the royal family, not the King, and Art 437 bis protects the King only. The analyser
(acts.analyse_doc) turns such a King hit into a royal-family hit before targets are found.

Split from acts.py (past STYLE's split-before-600).
"""

from __future__ import annotations

from lawcheck.speech.lexicon import Entry
from lawcheck.speech.targets import Hit

KIN = {"brother", "brothers", "sister", "sisters", "son", "sons", "daughter", "daughters",
       "mother", "father", "wife", "uncle", "aunt", "nephew", "nephews", "niece", "nieces",
       "cousin", "cousins", "half-brother", "half-sister", "relatives", "relative", "children",
       "child", "grandson", "granddaughter", "grandchildren"}
_KIN = Entry("royal.kin", "royal-family", ())


def royal_kin(hits, doc):
    """A King named as the owner of a kinsman ("the King's brother") or after one ("the son of
    the King") names that kinsman, a member of the royal family: the words are about him."""
    out = []
    for hit in hits:
        if hit.entry.category == "king":
            after = hit.end  # past the "'s" the name may hold ("the King's")
            if doc[after - 1].lower_ not in ("'s", "’s") and after < len(doc) \
                    and doc[after].lower_ in ("'s", "’s"):
                after += 1
            if doc[after - 1].lower_ in ("'s", "’s") and after < len(doc) \
                    and doc[after].lower_ in KIN:
                hit = Hit(hit.start, after + 1, (hit.chars[0], doc[after].idx
                                                 + len(doc[after].text)), _KIN)
            else:
                k = hit.start - 1
                if k >= 0 and doc[k].lower_ in ("the", "his", "our"):
                    k -= 1
                if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in KIN:
                    hit = Hit(k - 1, hit.end, (doc[k - 1].idx, hit.chars[1]), _KIN)
        out.append(hit)
    return out
