"""Reading the knowledge folder: decode, parse, split into passages, extract roles."""
