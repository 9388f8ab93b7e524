"""Bilingual structure: which file translates which (repository pairing, site configuration)."""
