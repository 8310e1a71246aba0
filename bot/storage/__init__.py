"""SQLite storage through aiosqlite: knowledge snapshots, questions, votes, refresh history."""
