"""Database access: embedded server, migrations, connection pool and per-user transactions."""
