"""Hashtags read as the words they run together: "#BoycottAngkorSweet" is "boycott angkor sweet".

The tokenizer keeps a hashtag's words in one token, so the PhraseMatcher cannot see the cue in
it. Each hashtag is split at its capitals and digits and matched on its own; a hit covers the
whole hashtag token. A hashtag is a slogan, so a cue that may stand as a command counts as said
outright: no "we call on" is needed for "#GeneralStrike" to be a call.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def hashtag_hits(pipeline, doc):
    """(entity hits, cue hits) found inside the doc's hashtags, in analyse_doc's hit shapes."""
    from spacy.tokens import Doc

    entities, cues = [], []
    for i in range(len(doc) - 1):
        if doc[i].text != "#" or doc[i].whitespace_:
            continue
        words = _WORDS.findall(doc[i + 1].text)
        if len(words) < 2:
            continue  # one word: the matcher has seen it already
        sub = Doc(pipeline.nlp.vocab, words=words)
        for key, _, _ in pipeline.matcher(sub):
            if key in pipeline.entities:
                entities.append((i + 1, i + 2, pipeline.entities[key]))
            elif key in pipeline.cues:
                kind = pipeline.cues[key][0]
                # a slogan is a call in itself; other needs (an election named) still apply
                cues.append((i + 1, i + 2, (kind, "imperative" in kind.needs
                                            or pipeline.cues[key][1])))
    return entities, cues
