"""initial schema: laws, versions, provisions, annotations, ingest runs; FTS5 search on SQLite

Revision ID: 0001
Revises: 
Create Date: 2026-11-30 05:40:55.182452
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ingest_runs',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=False),
    sa.Column('source', sa.String(length=1000), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('law_id', sa.String(length=200), nullable=False),
    sa.Column('version', sa.String(length=100), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_runs'))
    )
    op.create_table('laws',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('jurisdiction', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_laws'))
    )
    op.create_table('store_meta',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_store_meta'))
    )
    op.create_table('law_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('law_id', sa.String(length=200), nullable=False),
    sa.Column('version', sa.String(length=100), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('source', sa.String(length=1000), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.Column('confidence', sa.String(length=20), nullable=False),
    sa.Column('digest', sa.Boolean(), nullable=False),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.Column('ingest_run_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['ingest_run_id'], ['ingest_runs.id'], name=op.f('fk_law_versions_ingest_run_id_ingest_runs'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['law_id'], ['laws.id'], name=op.f('fk_law_versions_law_id_laws'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_law_versions')),
    sa.UniqueConstraint('law_id', 'version', 'language', name=op.f('uq_law_versions_law_id'))
    )
    with op.batch_alter_table('law_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_law_versions_law_id'), ['law_id'], unique=False)

    op.create_table('provisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('provision_id', sa.String(length=300), nullable=False),
    sa.Column('path_id', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=50), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('heading', sa.Text(), nullable=False),
    sa.Column('path', sa.JSON(), nullable=False),
    sa.Column('parent', sa.String(length=200), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.String(length=20), nullable=False),
    sa.Column('source_note', sa.Text(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['version_id'], ['law_versions.id'], name=op.f('fk_provisions_version_id_law_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_provisions')),
    sa.UniqueConstraint('version_id', 'path_id', name=op.f('uq_provisions_version_id'))
    )
    with op.batch_alter_table('provisions', schema=None) as batch_op:
        batch_op.create_index('ix_provisions_provision_id', ['provision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_provisions_version_id'), ['version_id'], unique=False)

    op.create_table('annotations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provision_row_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('cue', sa.String(length=200), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('machine', sa.Boolean(), nullable=False),
    sa.Column('reviewed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['provision_row_id'], ['provisions.id'], name=op.f('fk_annotations_provision_row_id_provisions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annotations'))
    )
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annotations_provision_row_id'), ['provision_row_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        # Full-text search over provision titles and texts, kept in step by triggers.
        op.execute("CREATE VIRTUAL TABLE provisions_fts USING fts5(title, text, "
                   "content='provisions', content_rowid='id', tokenize='unicode61')")
        op.execute("CREATE TRIGGER provisions_ai AFTER INSERT ON provisions BEGIN "
                   "INSERT INTO provisions_fts(rowid, title, text) "
                   "VALUES (new.id, new.title, new.text); END")
        op.execute("CREATE TRIGGER provisions_ad AFTER DELETE ON provisions BEGIN "
                   "INSERT INTO provisions_fts(provisions_fts, rowid, title, text) "
                   "VALUES ('delete', old.id, old.title, old.text); END")
        op.execute("CREATE TRIGGER provisions_au AFTER UPDATE ON provisions BEGIN "
                   "INSERT INTO provisions_fts(provisions_fts, rowid, title, text) "
                   "VALUES ('delete', old.id, old.title, old.text); "
                   "INSERT INTO provisions_fts(rowid, title, text) "
                   "VALUES (new.id, new.title, new.text); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("provisions_ai", "provisions_ad", "provisions_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS provisions_fts")
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annotations_provision_row_id'))

    op.drop_table('annotations')
    with op.batch_alter_table('provisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_provisions_version_id'))
        batch_op.drop_index('ix_provisions_provision_id')

    op.drop_table('provisions')
    with op.batch_alter_table('law_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_law_versions_law_id'))

    op.drop_table('law_versions')
    op.drop_table('store_meta')
    op.drop_table('laws')
    op.drop_table('ingest_runs')
