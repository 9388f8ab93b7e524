"""The checks. Every module here registers its rules on import (see :mod:`tcheck.registry`)."""
