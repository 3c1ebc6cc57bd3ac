"""The pure core: no database, web, CLI or clock. Time is always passed in."""
