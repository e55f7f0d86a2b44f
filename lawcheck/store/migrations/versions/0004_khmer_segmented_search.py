"""provisions.segmented: the provision's title and text with Khmer runs split into words (by
lawcheck.speech.segment), so that `corpus search` finds a Khmer word inside a longer run; on
SQLite an FTS5 index over it (provisions_fts_km), kept in step by triggers like provisions_fts
(provisions_fts cannot serve: its unicode61 tokenizer cuts Khmer words at every vowel sign).
Rows without Khmer letters keep NULL there. Existing Khmer rows are segmented here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 14:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('provisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('segmented', sa.Text(), nullable=True))
    bind = op.get_bind()
    from lawcheck.store.repository import segmented_text

    rows = bind.execute(sa.text("SELECT id, title, text FROM provisions")).fetchall()
    updates = [{"i": rid, "s": segmented_text(title, body)} for rid, title, body in rows]
    updates = [u for u in updates if u["s"] is not None]
    if updates:
        bind.execute(sa.text("UPDATE provisions SET segmented = :s WHERE id = :i"), updates)
    if bind.dialect.name == "sqlite":
        # 'ascii': words are split at spaces and ASCII punctuation only; unicode61 would cut
        # Khmer words at every vowel sign and coeng (Unicode 6.1 calls them separators)
        op.execute("CREATE VIRTUAL TABLE provisions_fts_km USING fts5(segmented, "
                   "content='provisions', content_rowid='id', tokenize='ascii')")
        op.execute("INSERT INTO provisions_fts_km(provisions_fts_km) VALUES ('rebuild')")
        op.execute("CREATE TRIGGER provisions_km_ai AFTER INSERT ON provisions BEGIN "
                   "INSERT INTO provisions_fts_km(rowid, segmented) "
                   "VALUES (new.id, new.segmented); END")
        op.execute("CREATE TRIGGER provisions_km_ad AFTER DELETE ON provisions BEGIN "
                   "INSERT INTO provisions_fts_km(provisions_fts_km, rowid, segmented) "
                   "VALUES ('delete', old.id, old.segmented); END")
        op.execute("CREATE TRIGGER provisions_km_au AFTER UPDATE ON provisions BEGIN "
                   "INSERT INTO provisions_fts_km(provisions_fts_km, rowid, segmented) "
                   "VALUES ('delete', old.id, old.segmented); "
                   "INSERT INTO provisions_fts_km(rowid, segmented) "
                   "VALUES (new.id, new.segmented); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("provisions_km_ai", "provisions_km_ad", "provisions_km_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS provisions_fts_km")
    with op.batch_alter_table('provisions', schema=None) as batch_op:
        batch_op.drop_column('segmented')
