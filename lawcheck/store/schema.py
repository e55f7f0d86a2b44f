"""The database schema: laws, their versions, provisions, annotations and ingest runs.

SQLAlchemy 2 declarative models. The naming convention is set from day one so that Alembic's
batch mode can alter SQLite tables (see docs/architecture.md). Changing a model means adding a
migration under ``lawcheck/store/migrations/versions`` — a test compares the two.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text,
    LargeBinary, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Law(Base):
    __tablename__ = "laws"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)  # kh/lango-2015
    jurisdiction: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(500))
    origin: Mapped[str] = mapped_column(String(20))  # shipped | user
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    versions: Mapped[list[LawVersion]] = relationship(
        back_populates="law", cascade="all, delete-orphan", order_by="LawVersion.id")


class LawVersion(Base):
    __tablename__ = "law_versions"
    __table_args__ = (UniqueConstraint("law_id", "version", "language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    law_id: Mapped[str] = mapped_column(ForeignKey("laws.id", ondelete="CASCADE"), index=True)
    version: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    effective_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    effective_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    confidence: Mapped[str] = mapped_column(String(20))
    digest: Mapped[bool] = mapped_column(Boolean, default=False)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    report: Mapped[dict] = mapped_column(JSON, default=dict)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    ingest_run_id: Mapped[str | None] = mapped_column(
        ForeignKey("ingest_runs.id", ondelete="SET NULL"), nullable=True)

    law: Mapped[Law] = relationship(back_populates="versions")


class ProvisionRow(Base):
    __tablename__ = "provisions"
    __table_args__ = (
        UniqueConstraint("version_id", "path_id"),
        Index("ix_provisions_provision_id", "provision_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("law_versions.id", ondelete="CASCADE"), index=True)
    provision_id: Mapped[str] = mapped_column(String(300))  # kh/lango-2015/art-24
    path_id: Mapped[str] = mapped_column(String(200))  # art-24
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(500))
    heading: Mapped[str] = mapped_column(Text)
    path: Mapped[list] = mapped_column(JSON)
    parent: Mapped[str | None] = mapped_column(String(200), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    # title and text with Khmer runs split into words, for search (migration 0004); None
    # when neither holds Khmer letters
    segmented: Mapped[str | None] = mapped_column(Text, nullable=True)
    ord: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[str] = mapped_column(String(20))
    source_note: Mapped[str] = mapped_column(Text, default="")
    line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)


class AnnotationRow(Base):
    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provision_row_id: Mapped[int] = mapped_column(
        ForeignKey("provisions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    cue: Mapped[str] = mapped_column(String(200), default="")
    value: Mapped[dict] = mapped_column(JSON, default=dict)
    machine: Mapped[bool] = mapped_column(Boolean, default=True)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)


class IngestRun(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    law_id: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(100))
    origin: Mapped[str] = mapped_column(String(20))
    report: Mapped[dict] = mapped_column(JSON, default=dict)


class Setting(Base):
    """Key/value facts about the store itself (e.g. the hash of the loaded shipped corpus)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def include_in_migrations(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic filter: the FTS5 tables are created by hand in the migration, not from models."""
    return not (type_ == "table" and name and name.startswith("provisions_fts"))


# --- the audit trail (migration 0002): what each check or review found, without its text ----

class Run(Base):
    """One ``check`` or ``review``: what was checked, when, against which law and rules."""

    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # 20261201-023000-9f3a0c1d
    checked_at: Mapped[str] = mapped_column(String(40))  # as the report printed it, with offset
    checked_utc: Mapped[datetime] = mapped_column(DateTime, index=True)  # order and purge
    as_of: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))  # plan | statements
    source: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    rulebase: Mapped[str] = mapped_column(String(64))
    rules: Mapped[int] = mapped_column(Integer)
    corpus: Mapped[str] = mapped_column(String(64))
    laws: Mapped[int] = mapped_column(Integer)
    keep_text: Mapped[bool] = mapped_column(Boolean)
    risk: Mapped[dict] = mapped_column(JSON)
    subjects: Mapped[int] = mapped_column(Integer)
    findings: Mapped[int] = mapped_column(Integer)
    render: Mapped[dict] = mapped_column(JSON)  # format and options to print it again
    lawcheck: Mapped[str] = mapped_column(String(20))
    # the database role (PostgreSQL) or login (SQLite) that recorded it; None before 0003
    recorded_by: Mapped[str | None] = mapped_column(String(100), nullable=True)


class RunSubject(Base):
    """One checked plan or statement of a run: its report, compressed, with cited texts
    replaced by references to :class:`CitedText`; its input text only with --keep-text."""

    __tablename__ = "run_subjects"

    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"),
                                        primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[dict] = mapped_column(JSON)
    report: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class RunFinding(Base):
    __tablename__ = "run_findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # the subject within the run
    rule: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(20))
    spans: Mapped[list] = mapped_column(JSON)


class RunCitation(Base):
    """A provision version a run cited, by the hash of the exact text it showed."""

    __tablename__ = "run_citations"

    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"),
                                        primary_key=True)
    provision: Mapped[str] = mapped_column(String(300), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("cited_texts.sha256"), primary_key=True)
    version: Mapped[str | None] = mapped_column(String(100), nullable=True)


class CitedText(Base):
    """The exact text of a cited provision version, stored once whatever the corpus does next."""

    __tablename__ = "cited_texts"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class RunInput(Base):
    """An input file of a run (the plan, the organisation file): only with --keep-text."""

    __tablename__ = "run_inputs"

    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"),
                                        primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class RulebaseSnapshot(Base):
    """The rule files exactly as a rule-base version had them (a zip), stored once."""

    __tablename__ = "rulebase_snapshots"

    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    files: Mapped[bytes] = mapped_column(LargeBinary)
