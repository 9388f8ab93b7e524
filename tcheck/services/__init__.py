"""Adapters to heavy libraries (language id, MT, scoring), imported lazily."""
