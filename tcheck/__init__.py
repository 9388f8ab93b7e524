"""tcheck: a multilingual translation-consistency checker."""

__version__ = "0.1.0"
