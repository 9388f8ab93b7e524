"""The rule registry: every check declares itself with :func:`register`.

A check is a pure function. A *document* check takes ``(doc, ctx)`` and yields :class:`Hit`\\ s.
A *run* check (consistency across all documents of one run) is a class with ``collect(doc, ctx)``
called once per document and ``finish(ctx)`` yielding hits (each with ``path`` set) at the end.
The function's (or class's) docstring is the rule's manual: its first line is the summary shown by
``tcheck rules``; ``tcheck explain CODE`` prints all of it.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
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
    # False: never looks at a document's source (a run of such checks alone aligns no sentences)
    uses_source: bool = True

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def scope(self) -> str:
        return "run" if self.run_factory is not None else "document"


_RULES: dict[str, Rule] = {}


def register(
    code: str, name: str, severity: Severity, needs: Iterable[str] = (), uses_source: bool = True
) -> Callable[[Any], Any]:
    """Class or function decorator that adds a check to the registry.

    ``uses_source=False`` declares that the check never reads a document's source, even when it
    has one: a run that selects only such checks does not align translations with their sources."""
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
            rule = Rule(code, name, severity, needed, doc, run_factory=factory, uses_source=uses_source)
        else:
            rule = Rule(code, name, severity, needed, doc, func=obj, uses_source=uses_source)
        _RULES[code] = rule
        return obj

    return deco


# ``@register("TC101", ...)`` as written in a check module's source: the codes a module declares
# are read from its text, so a run imports only the modules of the checks it selects.
_DECLARED = re.compile(r"""@register\(\s*["'](TC\d{3})["']""")
_ANY_REGISTER = re.compile(r"\bregister\(")
_imported: set[str] = set()


@cache
def _sources() -> dict[str, str | None]:
    """Every module of :mod:`tcheck.checks` and its source text (None when it cannot be read)."""
    import tcheck.checks as pkg

    sources: dict[str, str | None] = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        folder = getattr(info.module_finder, "path", None)
        text = None
        if isinstance(folder, str) and not info.ispkg:
            with contextlib.suppress(OSError, UnicodeError):
                text = (Path(folder) / f"{info.name}.py").read_text(encoding="utf-8")
        sources[f"{pkg.__name__}.{info.name}"] = text
    return sources


@cache
def _check_modules() -> dict[str, frozenset[str] | None]:
    """Every module of :mod:`tcheck.checks` and the codes its source declares (None: unknown).

    Nothing is imported: a module whose codes cannot be read from its source (no source file, a
    code that is not a literal) is imported whenever checks are loaded.
    """
    return {name: _declared_codes(text) for name, text in _sources().items()}


def _declared_codes(text: str | None) -> frozenset[str] | None:
    if text is None:
        return None
    codes = _DECLARED.findall(text)
    if not codes or len(codes) != len(_ANY_REGISTER.findall(text)):
        return None
    return frozenset(codes)


class _Deferred:
    """A document check whose module is imported the first time the check runs (a check that
    needs a source never runs on a run of monolingual documents, nor is its module imported)."""

    def __init__(self, module: str, code: str) -> None:
        self.module, self.code = module, code

    def __call__(self, doc: Document, ctx: Context) -> Iterable[Hit]:
        importlib.import_module(self.module)
        _imported.add(self.module)
        func = _RULES[self.code].func
        assert func is not None, f"{self.code} is no document check"
        return func(doc, ctx)


class _DeferredRun:
    """A run check whose module is imported the first time a document is fed to it: a run check
    that needs a source (TC106, TC107) is never fed on a run of monolingual documents, nor is its
    module imported. A run check fed nothing finishes with no finding (``finish`` of a fresh
    instance yields nothing: the tests hold every run check to it)."""

    def __init__(self, module: str, code: str) -> None:
        self.module, self.code = module, code
        self._check: RunCheck | None = None

    def _real(self) -> RunCheck:
        if self._check is None:
            importlib.import_module(self.module)
            _imported.add(self.module)
            factory = _RULES[self.code].run_factory
            assert factory is not None, f"{self.code} is no run check"
            self._check = factory()
        return self._check

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("module", "code", "_check"):
            raise AttributeError(name)
        return getattr(self._real(), name)  # collect, digest, absorb: the check is being fed

    def collect(self, doc: Document, ctx: Context) -> None:
        self._real().collect(doc, ctx)

    def finish(self, ctx: Context) -> Iterable[Hit]:
        return () if self._check is None else self._check.finish(ctx)


@cache
def _deferred_rules() -> dict[str, Rule]:
    """The checks whose registration is read whole from their module's source: the code, name,
    severity, needs and ``uses_source`` as literals. Their rules stand in for the imported ones
    until the check first runs (a document check, :class:`_Deferred`) or is first fed a document
    (a run check, :class:`_DeferredRun`)."""
    rules: dict[str, Rule] = {}
    for module, text in _sources().items():
        found = _read_registrations(module, text) if text is not None else None
        if found is not None and frozenset(found) == _check_modules()[module]:
            rules.update(found)
    return rules


_DEFINITION = re.compile(r"^(def|class)\s", re.M)


def _read_registrations(module: str, text: str) -> dict[str, Rule] | None:
    """The rules a module's ``@register(...)`` lines declare, or None when one cannot be read."""
    import ast

    rules: dict[str, Rule] = {}
    for start in (m.start() for m in re.finditer(r"^@register\(", text, re.M)):
        definition = _DEFINITION.search(text, start)
        if definition is None:
            return None
        try:
            call = ast.parse(text[start + 1 : definition.start()].strip(), mode="eval").body
            rule = _literal_rule(module, call, run_check=definition.group(1) == "class")
        except (SyntaxError, ValueError, KeyError):
            return None
        if rule is None:
            return None
        rules[rule.code] = rule
    return rules or None


def _literal_rule(module: str, call: Any, run_check: bool = False) -> Rule | None:
    import ast

    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "register"):
        return None
    names = ("code", "name", "severity", "needs", "uses_source")
    given = dict(zip(names, call.args, strict=False)) | {k.arg: k.value for k in call.keywords if k.arg}
    if (
        set(given) - set(names)
        or len(call.args) > len(names)
        or not {"code", "name", "severity"} <= set(given)
    ):
        return None
    severity = given["severity"]
    if not (isinstance(severity, ast.Attribute) and getattr(severity.value, "id", None) == "Severity"):
        return None
    code = ast.literal_eval(given["code"])
    needs = frozenset(ast.literal_eval(given["needs"])) if "needs" in given else frozenset()
    uses = ast.literal_eval(given["uses_source"]) if "uses_source" in given else True
    if not (isinstance(code, str) and CODE_RE.match(code)) or needs - NEEDS or not isinstance(uses, bool):
        return None
    name = ast.literal_eval(given["name"])
    if run_check:
        factory = cast(Callable[[], RunCheck], lambda: _DeferredRun(module, code))
        return Rule(code, name, Severity[severity.attr], needs, "", run_factory=factory, uses_source=uses)
    deferred = _Deferred(module, code)
    return Rule(code, name, Severity[severity.attr], needs, "", func=deferred, uses_source=uses)


def load_checks(wanted: Callable[[str], bool] | None = None) -> None:
    """Import the modules of :mod:`tcheck.checks` (each registers its rules) once each: all of
    them, or those declaring a code ``wanted`` accepts (and any whose codes are unknown)."""
    for name, codes in _check_modules().items():
        if name not in _imported and (wanted is None or codes is None or any(map(wanted, codes))):
            importlib.import_module(name)
            _imported.add(name)


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    load_checks()
    return [_RULES[c] for c in sorted(_RULES)]


def known_codes() -> list[str]:
    """Every check's code, without importing the checks whose source declares theirs."""
    load_checks(lambda code: False)  # only the modules whose codes are unknown
    declared = {code for codes in _check_modules().values() for code in codes or ()}
    return sorted(declared | set(_RULES))


def get_rule(code: str) -> Rule | None:
    code = code.upper()
    load_checks(lambda declared: declared == code)
    return _RULES.get(code)


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
    """The selected rules, ordered by code. Only the modules of checks whose registration cannot be
    read from their source are imported now; a document check's module is imported when the check
    first runs (:class:`_Deferred`), a run check's when it is first fed (:class:`_DeferredRun`).
    The selection is worked out once per ``select``/``ignore`` (a parallel run asks again for
    every document)."""
    deferred = _deferred_rules()
    for code in _selected_codes(tuple(select), tuple(ignore), len(_RULES)):
        yield _RULES.get(code) or deferred[code]


_SELECTIONS: dict[tuple[tuple[str, ...], tuple[str, ...], int], tuple[str, ...]] = {}


def _selected_codes(select: tuple[str, ...], ignore: tuple[str, ...], known: int) -> tuple[str, ...]:
    """The codes :func:`selected_rules` yields, their modules loaded; remembered while no check
    registers itself (``known``: how many are registered)."""
    found = _SELECTIONS.get((select, ignore, known))
    if found is None:
        deferred = _deferred_rules()
        load_checks(lambda code: is_selected(code, select, ignore) and code not in deferred)
        codes = sorted(set(_RULES) | set(deferred))
        found = tuple(code for code in codes if is_selected(code, select, ignore))
        if len(_SELECTIONS) > 64:
            _SELECTIONS.clear()
        _SELECTIONS[(select, ignore, len(_RULES))] = found
    return found
