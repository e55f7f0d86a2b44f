"""runs.recorded_by: who recorded each run (the database role on PostgreSQL, the login on SQLite),
so that `purge --mine` and `wipe --mine` on a shared database touch only one's own runs

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 13:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recorded_by', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.drop_column('recorded_by')
