"""The Discord front end: thin adapters over the core services. Only this package imports discord."""
