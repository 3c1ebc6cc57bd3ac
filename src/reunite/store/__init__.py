"""Storage: SQLAlchemy 2 models, the database session and Alembic migrations."""
