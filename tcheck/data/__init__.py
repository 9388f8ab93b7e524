"""Data files (TOML) read by tcheck at run time."""
