"""The sentence around a cue, and the mode it puts the cue in.

Sentences are found only around hits, by scanning tokens for end punctuation, because a
sentencizer over every statement would cost more than the matcher itself. Modes, strongest
first: a sentence that quotes or describes a law is "quoted-law"; one that ends in "?" is a
"question"; "if …" makes it "hypothetical"; "not"/"no one" before the cue in its clause makes
it "negated"; "according to …", "X said …" make it "reported" (unless the speaker is "we").
"""

from __future__ import annotations

END = {".", "!", "?", "…", "...", "!!", "?!", "!?"}
# "Art. 495", "No. 12": a full stop after these does not end the sentence
ABBREVIATIONS = {"art", "arts", "no", "nos", "st", "co", "ltd", "mr", "mrs", "ms", "dr", "h.e",
                 "e.g", "i.e", "vs", "para", "p", "pp", "sec", "jan", "feb", "aug", "sept",
                 "oct", "nov", "dec"}
# words that start a new clause, so a "not" before them does not reach a cue after them
CLAUSE_BREAKS = {";", ":", "—", "–", "but", "while", "because", "although", "though",
                 "whereas", "yet", "however", "who", "which"}
NEGATION_REACH = 10  # words: "we do not call for a march, a rally or a strike"
INVERSIONS = {"should", "were", "had"}
CONDITIONS = {"if", "unless", "in"}  # "in" opens "in the event" and "in case"
# verbs of attitude: a negation before them refuses the thing, it does not deny it happened
OPAQUE = {"accept", "tolerate", "allow", "forgive", "forget", "ignore", "remain", "stay", "keep",
          "hide", "pretend", "excuse", "stand"}
# facts that label someone: a negated command or another clause's speaker does not reach them
LABELS = ("statement.accuses", "statement.insults")
STAFF_REACH = 4  # words between "our" and "said": "our youth programme coordinator said"  # "Should anyone call for ...": a condition


class Tokens:
    """The words of a doc as plain lists, read once: indexing a spaCy Doc builds a Token object
    each time, and sentence finding and name spotting look at the same words many times."""

    __slots__ = ("text", "lower", "idx")

    def __init__(self, doc, source: str | None = None) -> None:
        from spacy.attrs import IDX, LENGTH

        source = doc.text if source is None else source
        # two flat lists (the array transposed): numpy's tolist of the (words, 2) array, one
        # two-item list per word, took about 40 us a statement, this about 5 (issue 13, speed)
        idx, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
        self.idx = idx
        self.text = [source[i:i + n] for i, n in zip(idx, lengths)]
        self.lower = [t.lower() for t in self.text]

    def end_char(self, k: int) -> int:
        return self.idx[k] + len(self.text[k])


class Sentence:
    """Tokens ``start``..``end`` (exclusive) of a doc, with their lower-case forms."""

    def __init__(self, doc, text: str, start: int, end: int, pipeline, entities,
                 tokens: Tokens | None = None):
        self.doc, self.source, self.start, self.end = doc, text, start, end
        tokens = tokens or Tokens(doc)
        self.tokens = tokens  # the whole doc's words, for readings that look past the sentence
        self.lowers = tokens.lower[start:end]
        self.pipeline = pipeline
        self.entities = [e for e in entities if start <= e.start and e.end <= end]
        self._found: dict[str, list[tuple[int, int]]] = {}
        self.chars = (tokens.idx[start], tokens.end_char(end - 1))

    def find(self, group: str) -> list[tuple[int, int]]:
        """Token spans (absolute) of the phrases and lexicon categories of a marker group."""
        if group not in self._found:
            spans: list[tuple[int, int]] = []
            by_first = self.pipeline.markers[group]
            lowers = self.lowers
            for k, word in enumerate(lowers):
                for phrase in by_first.get(word, ()):
                    if tuple(lowers[k:k + len(phrase)]) == phrase:
                        spans.append((self.start + k, self.start + k + len(phrase)))
                        break
            categories = self.pipeline.lexicon.markers[group].categories
            spans += [(e.start, e.end) for e in self.entities if e.entry.category in categories]
            self._found[group] = spans
        return self._found[group]

    def first_word(self) -> int:
        """Index of the first word, past opening quotes, bullets and "please"."""
        k = self.start
        while k < self.end and (not any(c.isalpha() for c in self.doc[k].text)
                                or self.doc[k].lower_ == "please"):
            k += 1
        return k

    def text(self) -> str:
        return self.source[self.chars[0]:self.chars[1]]


def _ends_sentence(tokens: Tokens, k: int) -> bool:
    word = tokens.text[k]
    if word.isspace():
        return "\n" in word
    if word not in END:
        return False
    if word == "." and k + 1 < len(tokens.text):
        following = tokens.text[k + 1]
        if following.islower() or following.isdigit() or (
                k > 0 and tokens.lower[k - 1] in ABBREVIATIONS):
            return False
    return True


def sentence_bounds(doc, i: int, tokens: Tokens | None = None) -> tuple[int, int]:
    """The token range of the sentence that holds token ``i``."""
    tokens = tokens or Tokens(doc)
    start = i
    while start > 0 and not _ends_sentence(tokens, start - 1):
        start -= 1
    end = i
    size = len(tokens.text)
    while end < size and not _ends_sentence(tokens, end):
        end += 1
    end = min(end + 1, size)
    while start < end and tokens.text[start].isspace():
        start += 1
    while end > start and tokens.text[end - 1].isspace():
        end -= 1
    return start, end


def mode_of(sentence: Sentence, start: int, end: int, fact: str | None = None) -> str:
    """The mode of the cue at tokens ``start``..``end`` in ``sentence``; ``fact`` is what the
    cue would feed (a label aimed at someone is scoped by clause, see _negated, _attributed)."""
    if any(_cites_law(sentence, s) for s, _ in sentence.find("law")):
        return "quoted-law"
    text = sentence.text().rstrip(" \"'”’)]")
    if text.endswith("?") and not (fact in LABELS and _rhetorical(sentence)) and not any(
            w in QUESTION_BREAKS for w in sentence.lowers[end - sentence.start:]):
        return "question"
    if any(s < start and not _main_clause(sentence, s, start)
           for s, _ in sentence.find("hypothetical")) or (
            sentence.lowers[sentence.first_word() - sentence.start] in INVERSIONS):
        return "hypothetical"
    if _negated(sentence, start, end, fact):
        return "negated"
    if _attributed(sentence, start, end):
        return "reported"
    return "asserted"


# a clause closed by one of these before the "?" is not asked: "The palace said nothing when the
# land was taken; what use is such a throne?" asserts its first clause
QUESTION_BREAKS = {";", ":", "—", "–"}
RHETORICAL_OPENERS = {"is", "are", "was", "were", "does", "do", "did", "has", "have", "had",
                      "can", "could", "would", "will"}


def _rhetorical(sentence: Sentence) -> bool:
    """A question that opens with a negated auxiliary ("Isn't it obvious that …?", "Didn't the
    governor take the money?") asks nothing: it asserts, and an accusation in it is made."""
    k = sentence.first_word() - sentence.start
    lowers = sentence.lowers
    return k + 1 < len(lowers) and lowers[k] in RHETORICAL_OPENERS and \
        lowers[k + 1] in ("n't", "not")


def _cites_law(sentence: Sentence, s: int) -> bool:
    """ "Article 495" cites a law; "a single labour law article" only names one."""
    doc = sentence.doc
    if doc[s].lower_ not in ("article", "articles"):
        return True
    return s + 1 < sentence.end and doc[s + 1].like_num


def _main_clause(sentence: Sentence, marker: int, start: int) -> bool:
    """True when the cue is in the main clause after a condition: "If the excavators come back,
    set them on fire" calls for it whatever the condition. Only conditions ("if", "unless", "in
    the event") have a main clause; "rumours that …" stay hypothetical to the end."""
    if sentence.lowers[marker - sentence.start] not in CONDITIONS:
        return False
    return any(w in (",", ";", ":", "—", "–") for w in sentence.lowers[marker - sentence.start:
                                                                           start - sentence.start])


def clause_start(sentence: Sentence, k: int) -> int:
    """The first token of the clause holding token ``k``: after the last clause break."""
    clause = k
    while clause > sentence.start and sentence.lowers[clause - 1 - sentence.start] \
            not in CLAUSE_BREAKS:
        clause -= 1
    return clause


def clause_end(sentence: Sentence, k: int) -> int:
    """The token after the clause that holds tokens before ``k``: the next clause break."""
    clause = k
    while clause < sentence.end and sentence.lowers[clause - sentence.start] \
            not in CLAUSE_BREAKS:
        clause += 1
    return clause


def _negated(sentence: Sentence, start: int, end: int, fact: str | None = None) -> bool:
    clause = max(clause_start(sentence, start), start - NEGATION_REACH)
    doc = sentence.doc
    for s, e in sentence.find("negation"):
        if not (clause <= s and e <= start) or _is_number_sign(doc, s):
            continue
        if _soon(sentence, e):
            continue  # "it will not be long before you are dead": soon, nothing is denied
        if any(w in UNTIL for w in sentence.lowers[e - sentence.start:start - sentence.start]):
            continue  # "we won't stop until the judges set them free": the goal is not denied
        if _no_waiting(sentence, e, start):
            continue  # "do not wait for anyone's permission to side with the people": do it
        if _in_condition(sentence, s, start):
            continue  # "if the wage is not raised, all unions will stop work": the condition's
        if fact in LABELS and s == sentence.first_word() + 1 and _rhetorical(sentence):
            continue  # "Isn't it obvious that …?": the question's "not" denies nothing
        if fact in LABELS and _negates_command(sentence, s, e):
            continue  # "don't follow the orders of the dictator": the order is negated, not the name
        if fact in LABELS and e < sentence.end and (
                sentence.lowers[e - sentence.start] in OPAQUE or e + 1 < sentence.end
                and sentence.lowers[e + 1 - sentence.start] in OPAQUE):
            continue  # "we cannot accept Hun Sen's family selling the land": a refusal to accept
        return True
    return False


UNTIL = {"until", "till"}  # "not … until": what follows is the goal


def _in_condition(sentence: Sentence, s: int, start: int) -> bool:
    """True when the negation at token ``s`` sits in a condition ("if", "unless") that a comma
    closes before the cue: it negates the condition, not the main clause after it ("If the wage
    is not raised, all unions will stop work")."""
    lowers, base = sentence.lowers, sentence.start
    opened = any(lowers[k - base] in ("if", "unless") for k in range(sentence.start, s))
    return opened and any(w in (",", ";", "—", "–") for w in lowers[s - base:start - base])


# "(do not) wait for (anyone's) permission to …": the waiting is denied, not what follows
WAITING = {"wait", "waiting"}
LEAVE_WORDS = {"permission", "approval", "orders", "order", "signal", "instructions", "leave",
               "go-ahead", "green", "command"}


def _no_waiting(sentence: Sentence, e: int, start: int) -> bool:
    """True when the negation ending at token ``e`` denies only a wait for leave, and the cue
    is what is to be done without it: "they should not wait for anyone's permission to side
    with the nation", "don't wait for orders to join us" (issue 13: appeals to the forces).
    "We do not wait for permission; we never protest" still negates its own clause's cue."""
    words = sentence.lowers[e - sentence.start:start - sentence.start]
    return bool(words) and words[-1] == "to" and any(w in WAITING for w in words[:2]) \
        and any(w in LEAVE_WORDS for w in words) and not any(
            w in CLAUSE_BREAKS or w == "," for w in words)


def _soon(sentence: Sentence, e: int) -> bool:
    """True when the negation ending at token ``e`` opens "not (be) long before/until": the
    words say something will happen soon ("it will not be long before …", "won't be long
    until …"), they deny nothing after them."""
    words = sentence.lowers[e - sentence.start:e - sentence.start + 3]
    if words[:1] == ["be"]:
        words = words[1:]
    return words[:2] in (["long", "before"], ["long", "until"], ["long", "till"])


def _negates_command(sentence: Sentence, s: int, e: int) -> bool:
    """True when the negation opens a command ("Don't …", "Do not …", "Never …", also after
    "Soldiers,"): it negates the verb that follows, so a label later in the clause is still
    said ("don't follow the orders of the dictator")."""
    lowers, base = sentence.lowers, sentence.start
    k, word = s, lowers[s - base]
    if word in ("n't", "not") and s > sentence.start and lowers[s - 1 - base] == "do":
        k = s - 1
    elif word not in ("never", "dont"):
        return False
    return k == sentence.first_word() or sentence.doc[k - 1].text in (":", ";", ",", "—", "–")


# breaks between a speaker and the words: "but", "yet" and a semicolon start the writer's own
SPEAKER_BREAKS = {";", "but", "yet", "however", "although", "though", "whereas", "while"}


def _other_clause(sentence: Sentence, s: int, e: int, start: int, end: int) -> bool:
    """True when a clause break stands between an attribution word and the cue."""
    lo, hi = (e, start) if e <= start else (end, s)
    return any(w in SPEAKER_BREAKS for w in sentence.lowers[lo - sentence.start:
                                                               hi - sentence.start])


# what follows a verb of saying when nothing was said: the silence is reported, not words
SAID_NOTHING = {"nothing", "little"}


def _is_number_sign(doc, s: int) -> bool:
    """ "Case No. 412": "No." abbreviates "number" and negates nothing."""
    return doc[s].text == "No" and s + 2 < len(doc) and doc[s + 1].text == "." \
        and doc[s + 2].like_num


BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "get",
            "gets", "got"}


ORDERED_WHAT = {"what", "whatever", "as", "everything", "anything", "all"}


def _order_received(sentence: Sentence, s: int, e: int) -> bool:
    """True when "told" at tokens s..e is an order its subject receives, not words reported:
    in the passive, after "what", "whatever" or "as" and a pronoun at the end of its clause ("does
    as he is told", "signs whatever he is told"), or before "to" and a verb ("they were told to
    leave"). "Villagers were told that the governor took the land" and "was told
    by police" still report someone's words."""
    lowers, base = sentence.lowers, sentence.start
    if lowers[s - base] != "told" or e - s != 1 or s == sentence.start \
            or lowers[s - 1 - base] not in BE_FORMS:
        return False
    after = lowers[e - base] if e < sentence.end else "."
    if after == "to":
        return e + 1 < sentence.end and sentence.doc[e + 1].is_alpha \
            and lowers[e + 1 - base] not in ("the", "a", "an", "us", "them", "me", "him", "her")
    # "whatever he is told", "as they are told": what the order says; "the governor stole the
    # land, villagers were told" ends on "told" and reports
    return s - 3 >= sentence.start and lowers[s - 3 - base] in ORDERED_WHAT \
        and lowers[s - 2 - base] in ("he", "she", "they", "we", "i", "you", "it") \
        and (e >= sentence.end or not sentence.doc[e].is_alpha)


def _second_deed(sentence: Sentence, s: int, e: int, end: int) -> bool:
    """True when the saying at tokens s..e, after the cue (which ends at ``end``), is a second
    deed joined by "and" and says something of its own: "the police killed him and then claimed
    that he had fallen", "the governor took the land and told reporters it was the state's". The
    writer asserts the first deed; the saying reports only what follows it. A saying that closes
    its clause ("the minister is corrupt and a liar, villagers say") still reports what went
    before."""
    if s < end or e >= sentence.end:
        return False
    lowers, base = sentence.lowers, sentence.start
    if "and" not in lowers[end - base:s - base]:
        return False
    after = sentence.doc[e]
    return not after.is_punct and lowers[e - base] not in CLAUSE_BREAKS


# words that open a clause of time or cause: a saying inside one, after the cue, is when or why
# the deed was done, not who tells of it
WHEN_CLAUSE = {"when", "whenever", "while", "after", "before", "because", "since", "until"}


def _saying_in_when_clause(sentence: Sentence, s: int, end: int) -> bool:
    """True when the saying at token ``s`` stands after the cue (which ends at ``end``) in a
    clause of time or cause: "the governor told a lie when he said no one was hurt", "the
    police beat them after the commander said to clear the road". The writer asserts the deed;
    the saying is part of what it was. "The minister is corrupt, as villagers said" and
    "…, villagers say" still report (no such clause opens between)."""
    if s < end:
        return False
    return any(w in WHEN_CLAUSE for w in sentence.lowers[end - sentence.start:s - sentence.start])


def _attributed(sentence: Sentence, start: int, end: int) -> bool:
    """Someone other than the speaker says it: "villagers said", "according to residents"."""
    selves = sentence.find("self")
    for s, e in sentence.find("attribution"):
        if s <= start < e:
            continue
        if any(h.start <= s < h.end for h in sentence.entities):
            continue  # "Samdech Say Chhum is a thief": a name that holds "Say" reports nothing
        if _other_clause(sentence, s, e, start, end):
            continue  # "The minister said it would help, but he is lying": not his words
        if any(0 <= s - se <= 2 for _, se in selves):
            continue  # "we said", "we accuse": the speaker's own claim
        if e < sentence.end and sentence.lowers[e - sentence.start] in SAID_NOTHING:
            continue  # "Hun Sen killed Kem Ley and the ministry said nothing": no one is quoted
        if any(w in ("not", "never", "n't") for w in sentence.lowers[
                max(0, s - sentence.start - 2):s - sentence.start]):
            continue  # "the King has not said a word for the victims": silence, no one quoted
        if _order_received(sentence, s, e):
            continue  # "a coward who signs whatever he is told": an order, no one quoted
        if _second_deed(sentence, s, e, end):
            continue  # "the police killed him and then claimed he fell": the claim is theirs
        if _saying_in_when_clause(sentence, s, end):
            continue  # "the governor told a lie when he said no one was hurt": his lie, told
        if "our" in sentence.lowers[max(0, s - sentence.start - STAFF_REACH):s - sentence.start]:
            continue  # "our field officer said": the organisation's own people speak for it
        if sentence.lowers[s - sentence.start] == "according" and e < sentence.end and \
                sentence.doc[e].lower_ in ("our", "us", "my", "me"):
            continue
        return True
    return False
