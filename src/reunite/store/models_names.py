"""Names the storage layer and its light readers share (no SQLAlchemy here)."""

LOCAL_USERNAME = "local"
