"""audit trail: runs, their subjects and findings, cited texts, inputs, rule-base snapshots

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cited_texts',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_cited_texts'))
    )
    op.create_table('rulebase_snapshots',
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('files', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_rulebase_snapshots'))
    )
    op.create_table('runs',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('checked_at', sa.String(length=40), nullable=False),
    sa.Column('checked_utc', sa.DateTime(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=1000), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('rulebase', sa.String(length=64), nullable=False),
    sa.Column('rules', sa.Integer(), nullable=False),
    sa.Column('corpus', sa.String(length=64), nullable=False),
    sa.Column('laws', sa.Integer(), nullable=False),
    sa.Column('keep_text', sa.Boolean(), nullable=False),
    sa.Column('risk', sa.JSON(), nullable=False),
    sa.Column('subjects', sa.Integer(), nullable=False),
    sa.Column('findings', sa.Integer(), nullable=False),
    sa.Column('render', sa.JSON(), nullable=False),
    sa.Column('lawcheck', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_runs'))
    )
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_runs_checked_utc'), ['checked_utc'], unique=False)

    op.create_table('run_citations',
    sa.Column('run_id', sa.String(length=40), nullable=False),
    sa.Column('provision', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('version', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_run_citations_run_id_runs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sha256'], ['cited_texts.sha256'], name=op.f('fk_run_citations_sha256_cited_texts')),
    sa.PrimaryKeyConstraint('run_id', 'provision', 'sha256', name=op.f('pk_run_citations'))
    )
    op.create_table('run_findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('severity', sa.String(length=20), nullable=False),
    sa.Column('spans', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_run_findings_run_id_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_run_findings'))
    )
    with op.batch_alter_table('run_findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_run_findings_run_id'), ['run_id'], unique=False)

    op.create_table('run_inputs',
    sa.Column('run_id', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=1000), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_run_inputs_run_id_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'seq', name=op.f('pk_run_inputs'))
    )
    op.create_table('run_subjects',
    sa.Column('run_id', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('subject', sa.JSON(), nullable=False),
    sa.Column('report', sa.LargeBinary(), nullable=False),
    sa.Column('text', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_run_subjects_run_id_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'seq', name=op.f('pk_run_subjects'))
    )


def downgrade() -> None:
    op.drop_table('run_subjects')
    op.drop_table('run_inputs')
    with op.batch_alter_table('run_findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_run_findings_run_id'))

    op.drop_table('run_findings')
    op.drop_table('run_citations')
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_runs_checked_utc'))

    op.drop_table('runs')
    op.drop_table('rulebase_snapshots')
    op.drop_table('cited_texts')
