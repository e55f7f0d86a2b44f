"""The statement analyser: text in, speech acts with character spans and statement facts out.

``analyse(text)`` for one statement, ``analyse_many(texts)`` for a batch (one tokenizer pass), or
``Analyser(model=...)`` to hold a pipeline explicitly. spaCy is imported only when the first
statement is analysed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from lawcheck.speech.model import Act, Analysis, Mention

__all__ = ["Act", "Analysis", "Analyser", "Mention", "analyse", "analyse_many"]

SUPPORTED = ("en", "km")
_DEFAULT: dict[tuple, "Analyser"] = {}
_LOCK = threading.Lock()


def not_analysed(language: str) -> Analysis:
    return Analysis(acts=(), mentions=(), facts={}, analysed=False,
                    note=f"statement in language {language!r} not analysed: only English and "
                         "Khmer are supported; have it reviewed by a person")


class Analyser:
    """A loaded lexicon and its spaCy pipeline. ``model`` names an installed trained pipeline
    (e.g. "en_core_web_sm") whose PERSON/ORG entities add person/company targets; the default,
    None, needs no trained model."""

    def __init__(self, model: str | None = None, lexicons: Path | None = None) -> None:
        from lawcheck.speech.acts import analyse_doc
        from lawcheck.speech.lexicon import load_lexicon
        from lawcheck.speech.pipeline import get_pipeline

        self.lexicon = load_lexicon(lexicons)
        self.pipeline = get_pipeline(self.lexicon, model)
        self.folder = lexicons
        self._analyse_doc = analyse_doc  # no import statement per statement (issue 13)

    @property
    def khmer(self):
        """The Khmer analyser (rules/lexicons/km, tied to this English lexicon), loaded when
        the first Khmer passage is read."""
        from lawcheck.speech.khmer import khmer_analyser
        from lawcheck.speech.lexicon import lexicon_dir

        folder = (self.folder if self.folder is not None else lexicon_dir()) / "km"
        return khmer_analyser(self.lexicon, folder)

    def analyse(self, text: str, *, language: str = "en") -> Analysis:
        if language == "en" and not self.pipeline.uses_model:
            # one English statement (the reviewer's every call): the tokenizer and analyse_doc
            # directly, as analyse_many does for each text of a batch, without its generator,
            # batch list and tokenizer.pipe around a single text (issue 13, speed)
            return self._analyse_doc(self.pipeline, self.pipeline.nlp.tokenizer(text),
                                     text=text)
        return next(self.analyse_many([text], language=language))

    def analyse_many(self, texts: Iterable[str], *, language: str = "en",
                     batch_size: int = 1000) -> Iterator[Analysis]:
        from lawcheck.speech.acts import analyse_doc

        if language not in SUPPORTED:
            for _ in texts:
                yield not_analysed(language)
            return
        if language == "km":  # Khmer text: the Khmer analyser (khmer.py) reads it all
            for text in texts:
                yield self.khmer.analyse(text)
            return
        nlp, pipeline = self.pipeline.nlp, self.pipeline
        texts = iter(texts)
        while batch := list(islice(texts, batch_size)):
            if pipeline.uses_model:
                for text, doc in zip(batch, nlp.pipe(batch, batch_size=batch_size)):
                    yield analyse_doc(pipeline, doc, _model_entities(doc), text)
            else:
                for text, doc in zip(batch, nlp.tokenizer.pipe(batch, batch_size=batch_size)):
                    yield analyse_doc(pipeline, doc, text=text)


def _model_entities(doc):
    from lawcheck.speech.lexicon import Entry

    kinds = {"PERSON": "person", "ORG": "company"}
    return [(ent.start, ent.end, Entry(f"model.{ent.label_.lower()}", kinds[ent.label_],
                                       (ent.text.lower(),)))
            for ent in doc.ents if ent.label_ in kinds]


def _default() -> Analyser:
    """One analyser per lexicon folder content seen by this process (edits are picked up)."""
    from lawcheck.speech.lexicon import lexicon_dir

    folder = lexicon_dir()
    try:
        key = (str(folder), tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                                  for p in sorted(folder.glob("*.yaml"))))
    except OSError:
        key = (str(folder),)
    with _LOCK:
        if key not in _DEFAULT:
            _DEFAULT.clear()
            _DEFAULT[key] = Analyser()
        return _DEFAULT[key]


def analyse(text: str, *, language: str = "en") -> Analysis:
    """Analyse one statement with the shipped (or LAWCHECK_RULES) lexicons."""
    if language not in SUPPORTED:
        return not_analysed(language)
    return _default().analyse(text, language=language)


def analyse_many(texts: Iterable[str], *, language: str = "en") -> Iterator[Analysis]:
    """Analyse statements in one tokenizer pass; yields one Analysis per text, in order."""
    if language not in SUPPORTED:
        return (not_analysed(language) for _ in texts)
    return _default().analyse_many(texts, language=language)
