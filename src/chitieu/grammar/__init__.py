"""Grammar data files (grammar/vi/*.toml) read by chitieu.text.lexicon."""
