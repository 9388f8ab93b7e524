"""The rule registry: every check declares itself with :func:`register`.

A check is a pure function. A *document* check takes ``(doc, ctx)`` and yields :class:`Hit`\\ s.
A *run* check (consistency across all documents of one run) is a class with ``collect(doc, ctx)``
called once per document and ``finish(ctx)`` yielding hits (each with ``path`` set) at the end.
The function's (or class's) docstring is the rule's manual: its first line is the summary shown by
``tcheck rules``; ``tcheck explain CODE`` prints all of it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

from tcheck.model import Document, Hit, Severity

if TYPE_CHECKING:
    from tcheck.context import Context

CODE_RE = re.compile(r"^TC\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
NEEDS = frozenset({"source", "glossary", "mt"})

DocumentCheck = Callable[[Document, "Context"], Iterable[Hit]]


class RunCheck(Protocol):
    """A check over all documents of a run (state lives in the instance, one per run)."""

    def collect(self, doc: Document, ctx: Context) -> None: ...

    def finish(self, ctx: Context) -> Iterable[Hit]: ...


@dataclass(frozen=True)
class Rule:
    """A registered check and what it declares about itself."""

    code: str
    name: str
    severity: Severity
    needs: frozenset[str]
    doc: str
    func: DocumentCheck | None = None
    run_factory: Callable[[], RunCheck] | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def scope(self) -> str:
        return "run" if self.run_factory is not None else "document"


_RULES: dict[str, Rule] = {}


def register(code: str, name: str, severity: Severity, needs: Iterable[str] = ()) -> Callable[[Any], Any]:
    """Class or function decorator that adds a check to the registry."""
    if not CODE_RE.match(code):
        raise ValueError(f"bad check code {code!r}")
    if not NAME_RE.match(name):
        raise ValueError(f"bad check name {name!r}")
    needed = frozenset(needs)
    if needed - NEEDS:
        raise ValueError(f"{code}: unknown needs {sorted(needed - NEEDS)}")

    def deco(obj: Any) -> Any:
        if code in _RULES and _RULES[code].name != name:
            raise ValueError(f"check code {code} registered twice")
        doc = inspect.cleandoc(obj.__doc__ or "")
        if inspect.isclass(obj):
            factory = cast(Callable[[], RunCheck], obj)
            rule = Rule(code, name, severity, needed, doc, run_factory=factory)
        else:
            rule = Rule(code, name, severity, needed, doc, func=obj)
        _RULES[code] = rule
        return obj

    return deco


_loaded = False


def load_checks() -> None:
    """Import every module of :mod:`tcheck.checks` once (each registers its rules)."""
    global _loaded
    if _loaded:
        return
    import tcheck.checks as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{pkg.__name__}.{info.name}")
    _loaded = True


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    load_checks()
    return [_RULES[c] for c in sorted(_RULES)]


def get_rule(code: str) -> Rule | None:
    load_checks()
    return _RULES.get(code.upper())


def _specificity(prefix: str, code: str) -> int:
    return len(prefix) if code.startswith(prefix) else -1


def is_selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Prefix selection where the most specific (longest) matching prefix wins.

    ``select`` empty means everything; on a tie, ignore wins.
    """
    best_select = max((_specificity(p, code) for p in select), default=-1) if select else 0
    best_ignore = max((_specificity(p, code) for p in ignore), default=-1)
    if best_select < 0:
        return False
    return best_ignore < best_select or best_ignore < 0


def selected_rules(select: Sequence[str], ignore: Sequence[str]) -> Iterator[Rule]:
    for rule in all_rules():
        if is_selected(rule.code, select, ignore):
            yield rule
