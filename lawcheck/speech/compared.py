"""Comparison to a tyrant, for lawcheck.speech.acts: a sensitive target set beside a notorious
tyrant or murderous regime ("Hun Sen is no better than Pol Pot", "this government is the new
Khmer Rouge", "the governor rules like Hitler") is mocked and insulted by the comparison, though
no abusive word is said of it (issue 13: a stance the analyser did not read).

The tyrant's name alone is history, not a stance: the comparison must stand between the target
and the name (a comparison word and few other words), and the name must end its phrase
("the Khmer Rouge tribunal", "Pol Pot's victims" name an institution or a history, not a
likeness).
"""

from __future__ import annotations

from lawcheck.speech.context import Sentence
from lawcheck.speech.targets import Target, _as_target

COMPARED = ("tyrant-comparison",)
# one of these must stand between the target and the tyrant: the comparison itself
COMPARISON = {"like", "than", "as", "another", "new", "second", "reincarnation", "heir",
              "footsteps", "same", "copy", "version", "successor", "disciple", "student"}
# words that may stand there besides: being, degree, articles, possessives
COMPARISON_LINKS = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
                    "become", "becomes", "became", "no", "not", "n't", "just", "exactly",
                    "even", "much", "far", "more", "the", "a", "an", "of", "our", "its", "their",
                    "his", "this", "that", "today", "today's", "modern", "little", "very", "real",
                    "true", "truly", "in", "following", "follows", "follow", "walking", "walks",
                    "nothing", "but", ",", "—", "–", "'s", "’s", "cambodia", "cambodia's"}
OTHER_WORDS = 2  # words of neither kind: "rules like", "as cruel as", "no better than"
COMPARISON_REACH = 8
# what may follow the tyrant's name: the end of its phrase ("Pol Pot did", "the Khmer Rouge
# regime", "Hitler ever was"); another noun makes the name its owner ("the Khmer Rouge tribunal")
TYRANT_ENDS = {"regime", "did", "does", "do", "was", "were", "ever", "and", "or", "in", "who",
               "times", "era", "days", "himself", "itself", "once", "before", "cadres", "leaders",
               "leader", "government", "but", "yet", "used", "at", "had", "has"}
BREAKS = {";", ":", ".", "because", "while", "whereas", "although", "which", "who", "that",
          "when", "after", "before", "since", "if", "and"}


def _compared_to(sentence: Sentence, start: int, end: int, allowed) -> Target | None:
    """The named target compared to the tyrant at tokens start..end: the nearest lexicon or name
    entity before it in the sentence, with at most COMPARISON_REACH words between, one of them a
    comparison word, at most OTHER_WORDS of them neither comparison nor link, and no clause break;
    and the tyrant's name ends its phrase. None otherwise."""
    lowers, base = sentence.lowers, sentence.start
    if end < sentence.end and sentence.doc[end].is_alpha and lowers[end - base] not in TYRANT_ENDS:
        return None  # "the Khmer Rouge tribunal", "Pol Pot survivors"
    if end < sentence.end and lowers[end - base] in ("'s", "’s"):
        return None  # "Pol Pot's victims"
    before = [h for h in sentence.entities if h.end <= start and h.target
              and (not allowed or h.target in allowed)]
    if not before:
        return None
    hit = before[-1]
    between = lowers[hit.end - base:start - base]
    if len(between) > COMPARISON_REACH or any(w in BREAKS for w in between):
        return None
    if not any(w in COMPARISON for w in between):
        return None
    others = [w for w in between if w not in COMPARISON and w not in COMPARISON_LINKS]
    if len(others) > OTHER_WORDS:
        return None
    return _as_target(sentence, hit)


LESSER = {"better", "different", "less", "kinder", "gentler", "unlike"}


def _no_better(sentence: Sentence, start: int) -> bool:
    """True when the negation before the tyrant's name denies a difference, not the likeness:
    "no better than Pol Pot", "not much different from the Khmer Rouge", "not unlike Hitler"."""
    lowers, base = sentence.lowers, sentence.start
    words = lowers[max(sentence.start, start - 5) - base:start - base]
    return any(w in ("no", "not", "n't", "nothing") and any(x in LESSER for x in words[k + 1:k + 3])
               for k, w in enumerate(words))
