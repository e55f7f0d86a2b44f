"""The store: the only place that imports SQLAlchemy (and Alembic, for migrations)."""
