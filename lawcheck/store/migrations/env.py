"""Alembic environment for lawcheck's store. Run through :mod:`lawcheck.store.db`, which passes
the connection in ``config.attributes["connection"]``; batch mode lets SQLite alter tables."""

from alembic import context

from lawcheck.store.schema import Base, include_in_migrations

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True, compare_type=True,
                  include_object=include_in_migrations)
with context.begin_transaction():
    context.run_migrations()
