"""Machine translation with installed Argos Translate packages, in batches.

argostranslate stays the model manager: it installs packages, and its own ``Package`` objects
tell where a package's files are, which tokenizer it uses (``pkg.tokenizer``) and which sentence
splitter it ships. argostranslate itself only translates one text at a time, so tcheck drives the
same package's CTranslate2 model directly with a whole batch of sentences, with argostranslate's
preprocessing and decoding (``translate.apply_packaged_translation``): split each text into
sentences with the package's MiniSBD model, encode with the package's tokenizer, add the target
prefix, beam search with argostranslate's settings (beam size, ``length_penalty=0.2``,
``replace_unknowns``), join the sentence tokens of one text, decode, drop the prefix and the
leading space. Whitespace runs (newlines included) are collapsed first: tcheck sends sentences,
not paragraphs. A package without a MiniSBD model (older ones ship Stanza) is used without
sentence splitting, since tcheck's own splitter has already made the text one sentence.

Each package is loaded once per run. Every translation step goes through the cache
(:mod:`tcheck.services.cache`), keyed by the package's identity, version and file fingerprint.
When no package goes straight from one language to the other, the route pivots through English.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tcheck.services.cache import TranslationCache

PIVOT = "en"
# CLDR codes (what tcheck uses) whose Argos Translate code differs from the primary subtag.
ARGOS_CODES = {"zh_Hant": "zt", "zh_TW": "zt", "zh_HK": "zt", "pt_BR": "pb"}
LENGTH_PENALTY = 0.2  # as argostranslate.translate.apply_packaged_translation
CHUNK = 32  # texts per CTranslate2 call (progress is reported between calls)

Advance = Callable[[int], None]
_SPACE = re.compile(r"\s+")


class ModelMissing(Exception):
    """No installed package (or pivot) translates between two languages; the message says why."""

    def __init__(self, from_code: str, to_code: str) -> None:
        self.from_code, self.to_code = from_code, to_code
        super().__init__(f"no Argos Translate model is installed for {from_code}→{to_code}")


def argostranslate_installed() -> bool:
    return importlib.util.find_spec("argostranslate") is not None


def argos_code(lang: str) -> str:
    """The Argos Translate code of a CLDR language code (``nb`` → ``nb``, ``zh_Hant`` → ``zt``)."""
    code = lang.replace("-", "_")
    return ARGOS_CODES.get(code, code.split("_")[0].lower())


def mt_input(text: str) -> str:
    """What is sent to the model (and used as the cache key): whitespace runs collapsed."""
    return _SPACE.sub(" ", text).strip()


def _digest(*parts: bytes) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(len(part).to_bytes(8, "little"))
        sha.update(part)
    return sha.hexdigest()[:16]


@dataclass(frozen=True)
class ModelInfo:
    """What identifies an installed package: name, languages, version and a file fingerprint.

    The fingerprint covers ``metadata.json``, the tokenizer model, the CTranslate2 config and the
    size and modification time of the weights, so a reinstalled or changed package gets new cache
    entries even when its version number stays the same.
    """

    name: str
    from_code: str
    to_code: str
    version: str
    argos_version: str
    fingerprint: str
    path: str = ""

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}#{self.fingerprint}"

    def signature(self) -> dict[str, str]:
        return {
            "name": self.name,
            "from": self.from_code,
            "to": self.to_code,
            "version": self.version,
            "argos_version": self.argos_version,
            "fingerprint": self.fingerprint,
        }


def describe(pkg: Any) -> ModelInfo:
    """The :class:`ModelInfo` of an installed argostranslate ``Package``."""
    root = Path(pkg.package_path)

    def read(relative: str) -> bytes:
        try:
            return (root / relative).read_bytes()
        except OSError:
            return b""

    weights = root / "model" / "model.bin"
    try:
        stat = weights.stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}".encode()
    except OSError:
        stamp = b""
    tokenizer = read("sentencepiece.model") or read("bpe.model")
    fingerprint = _digest(read("metadata.json"), tokenizer, read("model/config.json"), stamp)
    return ModelInfo(
        name=root.name,
        from_code=str(pkg.from_code),
        to_code=str(pkg.to_code),
        version=str(pkg.package_version or ""),
        argos_version=str(pkg.argos_version or ""),
        fingerprint=fingerprint,
        path=str(root),
    )


def packages_present() -> bool:
    """Whether a folder argostranslate looks in holds a package (a folder with ``metadata.json``).

    Only argostranslate's settings are read: its package manager imports numpy and more (about a
    quarter of a second), which a run without any installed model never needs.
    """
    from argostranslate import settings

    for folder in settings.package_dirs:
        try:
            entries = list(Path(folder).iterdir())
        except OSError:
            continue
        if any((entry / "metadata.json").is_file() for entry in entries):
            return True
    return False


def installed_packages() -> list[Any]:
    """Installed translation packages (argostranslate ``Package`` objects), by name."""
    if not packages_present():
        return []
    from argostranslate import package

    found = [p for p in package.get_installed_packages() if getattr(p, "type", "translate") == "translate"]
    return sorted(found, key=lambda p: Path(p.package_path).name)


def find_route(packages: Sequence[Any], from_code: str, to_code: str) -> list[Any] | None:
    """Packages that translate ``from_code`` → ``to_code``: one direct, or two through English."""
    by_pair: dict[tuple[str, str], Any] = {}
    for pkg in packages:
        by_pair.setdefault((pkg.from_code, pkg.to_code), pkg)
    if (from_code, to_code) in by_pair:
        return [by_pair[from_code, to_code]]
    if PIVOT not in (from_code, to_code) and (from_code, PIVOT) in by_pair and (PIVOT, to_code) in by_pair:
        return [by_pair[from_code, PIVOT], by_pair[PIVOT, to_code]]
    return None


class PackageModel:
    """One installed package, loaded on first use and then kept for the run."""

    def __init__(self, pkg: Any) -> None:
        from argostranslate import settings

        self.pkg = pkg
        self.info = describe(pkg)
        self.beam_size = max(1, int(settings.beam_size))
        self.decoding = f"beam{self.beam_size}-lp{LENGTH_PENALTY}"
        self._settings = settings
        self._translator: Any = None
        self._splitter: Any = None
        self._split_checked = False

    @property
    def cache_key(self) -> str:
        return f"{self.info.key}|{self.decoding}"

    def close(self) -> None:
        """Free the model and splitter now (their threads end here, not at some later garbage
        collection, which could happen in a process forked meanwhile and hang there)."""
        self._translator = None
        self._splitter = None
        self._split_checked = False

    def _model(self) -> Any:
        if self._translator is None:
            import ctranslate2

            s = self._settings
            self._translator = ctranslate2.Translator(
                str(Path(self.pkg.package_path) / "model"),
                device=s.device,
                inter_threads=s.inter_threads,
                intra_threads=s.intra_threads,
                compute_type=s.compute_type,
            )
        return self._translator

    def _sentences(self, text: str) -> list[str]:
        """The package's own MiniSBD split, when it ships one; else the text as one sentence."""
        if not self._split_checked:
            self._split_checked = True
            folder = getattr(self.pkg, "packaged_sbd_path", None)
            if folder is not None and Path(folder).name == "minisbd":
                models = sorted(Path(folder).glob("*.onnx"))
                if models:
                    from minisbd import SBDetect

                    self._splitter = SBDetect(str(models[0]), use_gpu=self._settings.device == "cuda")
        if self._splitter is None:
            return [text]
        return [s for s in self._splitter.sentences(text) if s.strip()]

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate whole texts (already :func:`mt_input`-normalised) in one batch."""
        tokenizer = self.pkg.tokenizer
        prefix_token = getattr(self.pkg, "target_prefix", "") or ""
        batch: list[list[str]] = []
        owner: list[int] = []
        for index, text in enumerate(texts):
            for sentence in self._sentences(text) if text else []:
                batch.append(tokenizer.encode(sentence))
                owner.append(index)
        tokens: list[list[str]] = [[] for _ in texts]
        if batch:
            results = self._model().translate_batch(
                batch,
                target_prefix=[[prefix_token]] * len(batch) if prefix_token else None,
                replace_unknowns=True,
                max_batch_size=CHUNK,
                batch_type="examples",
                beam_size=self.beam_size,
                num_hypotheses=1,
                length_penalty=LENGTH_PENALTY,
            )
            for index, result in zip(owner, results, strict=True):
                tokens[index].extend(result.hypotheses[0])
        out = []
        for index, text in enumerate(texts):
            value = tokenizer.decode(tokens[index]) if tokens[index] else ""
            if prefix_token and value.startswith(prefix_token):
                value = value[len(prefix_token) :]
            if value.startswith(" "):
                value = value[1:]
            out.append(value if text else "")
        return out


@dataclass
class Translator:
    """Translates batches along routes of installed packages, through the cache; counts the work."""

    cache: TranslationCache
    computed: int = 0
    cached: int = 0
    models: list[dict[str, str]] = field(default_factory=list)  # signature of every model used
    installed: list[Any] | None = None  # argostranslate packages; listed on first use when None
    _loaded: dict[str, PackageModel] = field(default_factory=dict)
    _routes: dict[tuple[str, str], list[PackageModel]] = field(default_factory=dict)

    def close(self) -> None:
        for model in self._loaded.values():
            model.close()
        self._loaded.clear()
        self._routes.clear()

    def packages(self) -> list[Any]:
        if self.installed is None:
            self.installed = installed_packages()
        return self.installed

    def route(self, from_code: str, to_code: str) -> list[PackageModel]:
        """The loaded models from ``from_code`` to ``to_code``; :class:`ModelMissing` if none."""
        key = (from_code, to_code)
        if key not in self._routes:
            found = find_route(self.packages(), from_code, to_code)
            if found is None:
                raise ModelMissing(from_code, to_code)
            steps = []
            for pkg in found:
                name = str(pkg.package_path)
                if name not in self._loaded:
                    model = PackageModel(pkg)
                    self._loaded[name] = model
                    self.models.append(model.info.signature())
                steps.append(self._loaded[name])
            self._routes[key] = steps
        return self._routes[key]

    def translate(
        self, from_code: str, to_code: str, texts: Sequence[str], advance: Advance | None = None
    ) -> list[str]:
        """Translate ``texts`` (normalised with :func:`mt_input` here) along the route."""
        current = [mt_input(t) for t in texts]
        for step in self.route(from_code, to_code):
            current = self._step(step, current, advance)
        return current

    def _step(self, model: PackageModel, texts: list[str], advance: Advance | None) -> list[str]:
        direction = f"{model.info.from_code}>{model.info.to_code}"
        unique = [t for t in dict.fromkeys(texts) if t]
        done = self.cache.get_many(model.cache_key, direction, unique)
        self.cached += len(done)
        if advance is not None and done:
            advance(len(done))
        missing = sorted((t for t in unique if t not in done), key=len)
        for i in range(0, len(missing), CHUNK):
            chunk = missing[i : i + CHUNK]
            fresh = dict(zip(chunk, model.translate(chunk), strict=True))
            self.cache.put_many(model.cache_key, direction, fresh.items())
            done.update(fresh)
            self.computed += len(chunk)
            if advance is not None:
                advance(len(chunk))
        return [done.get(t, "") for t in texts]
