"""Builds tiny but real Argos Translate packages offline, for the round-trip tests and benchmark.

A package is what ``argospm`` installs: a zip of ``translate-<from>_<to>/`` with ``metadata.json``,
``sentencepiece.model``, a CTranslate2 model in ``model/`` and a MiniSBD sentence splitter in
``minisbd/<from>.onnx`` (without it argostranslate would download one).

The CTranslate2 model is a one-layer Transformer whose weights are written by hand so that it
*copies* its input, token by token, under beam search:

- encoder: one-hot token embeddings and one-hot position encodings in separate dimensions;
  self-attention and feed-forward branches are zero; every layer norm is set to give back its
  (one-hot) input, which works because every input vector holds exactly one or two ones;
- decoder: zero token embeddings, the same position encodings; the cross-attention's query and key
  are the position dimensions (scaled, so decoder step ``t`` looks at source position ``t``) and
  its value is the token dimensions; an extra key channel makes positions past the end of the source
  look at ``</s>`` (the source ends with ``</s>``, ``add_source_eos``), so that every beam ends
  right after the source does — CTranslate2 stops only when ``beam_size`` hypotheses have ended;
- the output projection maps token dimensions to vocabulary ids, with ``</s>`` held back unless it
  is what was read (so no beam ends early either). ``mapping`` rewires it: a word
  mapped to another comes out as that word (``Wednesday`` → ``Thursday``), a word mapped to
  ``</s>`` ends the sentence there (a "garbling" model that drops the rest).

Mapped words become SentencePiece ``user_defined_symbols`` so that each is one piece.
Spec strings name models compactly: ``"en>nb"`` (copy), ``"nb>en:onsdag=torsdag,Almaty=</s>"``.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

EOS = "</s>"
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzæøåäöüßéèêàâçëïîôûùœ ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉÈÀÇ "
    "0123456789 .,;:!?'\"()-–%/&+€$£"
)
CORPUS = [
    "The police said on Wednesday that 2,300 people had been arrested in Almaty.",
    "Politiet sa onsdag at 2 300 personer var arrestert i Almaty.",
    "Die Polizei teilte am Mittwoch mit, dass 2.300 Menschen festgenommen wurden.",
    "La police a déclaré mercredi que 2 300 personnes avaient été arrêtées à Almaty.",
    "President Kassym-Jomart Tokayev asked the CSTO for help.",
    ALPHABET,
]
POSITIONS = 160  # longest sentence in tokens (source + </s>); more positions, slower model


def parse_spec(spec: str) -> tuple[str, str, dict[str, str]]:
    """``"nb>en:onsdag=torsdag"`` → ``("nb", "en", {"onsdag": "torsdag"})``."""
    pair, _, rest = spec.partition(":")
    src, _, tgt = pair.partition(">")
    mapping = dict(item.split("=", 1) for item in rest.split(",") if item)
    return src.strip(), tgt.strip(), mapping


def train_sentencepiece(symbols: Sequence[str], corpus: Sequence[str] = CORPUS) -> bytes:
    """A small SentencePiece model (identity normalisation, no bos/eos, unk id 0)."""
    import sentencepiece as spm

    lines = [*corpus] * 40
    chars = {c for line in lines for c in line}
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=out,
        vocab_size=len(chars) + len(symbols) + 40,
        hard_vocab_limit=False,
        normalization_rule_name="identity",
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        user_defined_symbols=list(symbols),
        character_coverage=1.0,
        minloglevel=2,
    )
    return out.getvalue()


def _copy_spec(vocab: list[str], mapping: Mapping[str, str], positions: int) -> Any:
    """The hand-written Transformer described in the module docstring."""
    from ctranslate2.specs import transformer_spec

    f32 = np.float32
    size = len(vocab)
    dim = size + positions + 1
    extra = dim - 1
    eos = vocab.index(EOS)
    pos = size + np.arange(positions)

    def restore(norm: Any, ones: int) -> None:
        # LayerNorm of a vector with exactly `ones` ones among `dim` zeros, undone by gamma/beta.
        mean = ones / dim
        std = np.sqrt(ones / dim - mean * mean + 1e-6)
        norm.gamma = np.full(dim, std, f32)
        norm.beta = np.full(dim, mean, f32)

    def zero(linear: Any, rows: int, cols: int) -> None:
        linear.weight = np.zeros((rows, cols), f32)
        linear.bias = np.zeros(rows, f32)

    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1)
    enc, dec = spec.encoder, spec.decoder
    enc.scale_embeddings = False
    dec.scale_embeddings = False
    tokens = np.zeros((size, dim), f32)
    tokens[np.arange(size), np.arange(size)] = 1
    where = np.zeros((positions, dim), f32)
    where[np.arange(positions), pos] = 1
    enc.embeddings[0].weight = tokens
    enc.position_encodings.encodings = where
    dec.position_encodings.encodings = where.copy()
    dec.embeddings.weight = np.zeros((size, dim), f32)
    for layer, ones in ((enc.layer[0], 2), (dec.layer[0], 1)):
        restore(layer.self_attention.layer_norm, ones)
        zero(layer.self_attention.linear[0], 3 * dim, dim)
        zero(layer.self_attention.linear[1], dim, dim)
        restore(layer.ffn.layer_norm, 2)
        zero(layer.ffn.linear_0, 4, dim)
        zero(layer.ffn.linear_1, dim, 4)
    restore(enc.layer_norm, 2)
    restore(dec.layer_norm, 2)

    # Cross-attention: decoder step t scores 40 on source position t (after CTranslate2 divides
    # by sqrt(head dim)), and the extra channel gives the </s> position 20 everywhere: past the
    # end of the source, where no position matches, every beam reads </s> and ends.
    cross = dec.layer[0].attention
    restore(cross.layer_norm, 1)
    scale = np.sqrt(dim)
    query = np.zeros((dim, dim), f32)
    query[pos, pos] = 40.0 * scale
    query_bias = np.zeros(dim, f32)
    query_bias[extra] = 1.0
    key = np.zeros((dim, dim), f32)
    key[pos, pos] = 1.0
    key[extra, eos] = 20.0 * scale
    value = np.zeros((dim, dim), f32)
    value[np.arange(size), np.arange(size)] = 1.0
    cross.linear[0].weight = query
    cross.linear[0].bias = query_bias
    cross.linear[1].weight = np.concatenate([key, value])
    cross.linear[1].bias = np.zeros(2 * dim, f32)
    cross.linear[2].weight = np.eye(dim, dtype=f32)
    cross.linear[2].bias = np.zeros(dim, f32)

    # Output: the read token's id scores 30, every other id 0. </s> has a bias of -10 and scores
    # 40 - 10 only where the output ends (</s> read, or a word mapped to </s>): other beams never
    # end early, which would let beam search stop before the copy is complete. The model needs
    # compute type float32 (int8 quantisation breaks the rows that produce </s>).
    projection = np.zeros((size, dim), f32)
    projection[np.arange(size), np.arange(size)] = 30.0
    projection[eos, eos] = 40.0
    for word, replacement in mapping.items():
        i = vocab.index(word)
        projection[i, i] = 0.0
        projection[vocab.index(replacement), i] = 40.0 if replacement == EOS else 30.0
    bias = np.zeros(size, f32)
    bias[eos] = -10.0
    dec.projection.weight = projection
    dec.projection.bias = bias
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_ctranslate2(path: Path, vocab: list[str], mapping: Mapping[str, str], positions: int) -> None:
    from ctranslate2.converters.converter import Converter

    class _Copy(Converter):  # type: ignore[misc]
        def _load(self) -> Any:
            return _copy_spec(vocab, mapping, positions)

    _Copy().convert(str(path), force=True)


def build_splitter(path: Path, lang: str) -> None:
    """A MiniSBD-compatible ONNX model: one Gather over a per-character label table.

    Labels are MiniSBD's: 1 ends a token, 2 ends a sentence. Every character is its own token
    (unknown characters share the ``<UNK>`` row); ``.``, ``!`` and ``?`` end a sentence.
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    units = ["<PAD>", "<UNK>", " ", ".", "!", "?"]
    table = np.zeros((len(units), 5), np.float32)
    table[:, 1] = 1.0
    for i, unit in enumerate(units):
        if unit in (".", "!", "?"):
            table[i] = 0.0
            table[i, 2] = 1.0
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "minisbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "length"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "length", "feats"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "length", 5])],
        initializer=[numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_id2unit": units,
        "_unit2id": {u: i for i, u in enumerate(units)},
    }
    meta = {
        "lang_code": lang,
        "config": json.dumps({"feat_funcs": [], "max_seqlen": 300, "batch_size": 32}),
        "vocab": json.dumps(vocab),
        "lexicon": "null",
    }
    for key, value in meta.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(path))


def _language_name(code: str) -> str:
    from babel import Locale

    return str(Locale.parse(code).get_display_name("en"))


def build_package(
    dest: Path,
    from_code: str,
    to_code: str,
    mapping: Mapping[str, str] | None = None,
    *,
    version: str = "1.0",
    positions: int = POSITIONS,
    name: str | None = None,
) -> Path:
    """Write ``<dest>/<name>.argosmodel`` and return its path."""
    mapping = dict(mapping or {})
    import sentencepiece as spm

    symbols = sorted({w for pair in mapping.items() for w in pair if w != EOS})
    proto = train_sentencepiece(symbols)
    processor = spm.SentencePieceProcessor(model_proto=proto)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocab = ["<unk>", "<s>", EOS, *pieces[1:]]
    name = name or f"translate-{from_code}_{to_code}"
    with tempfile.TemporaryDirectory(prefix="tcheck-model-") as tmp:
        root = Path(tmp) / name
        root.mkdir()
        (root / "sentencepiece.model").write_bytes(proto)
        build_ctranslate2(root / "model", vocab, mapping, positions)
        build_splitter(root / "minisbd" / f"{from_code}.onnx", from_code)
        metadata = {
            "package_version": version,
            "argos_version": "1.9.0",
            "type": "translate",
            "from_code": from_code,
            "from_name": _language_name(from_code),
            "to_code": to_code,
            "to_name": _language_name(to_code),
            "links": [],
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        dest.mkdir(parents=True, exist_ok=True)
        target = dest / f"{name}.argosmodel"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(root.rglob("*")):
                archive.write(file, file.relative_to(tmp))
    return target


_BUILT: dict[str, Path] = {}
_BUILD_DIR = Path(tempfile.mkdtemp(prefix="tcheck-argosmodels-"))


def package_for(spec: str) -> Path:
    """The ``.argosmodel`` of a spec string, built once per test session."""
    if spec not in _BUILT:
        src, tgt, mapping = parse_spec(spec)
        folder = _BUILD_DIR / str(len(_BUILT))
        _BUILT[spec] = build_package(folder, src, tgt, mapping)
    return _BUILT[spec]


def _forget_loaded() -> None:
    """argostranslate keeps loaded translations in module globals: drop them, and free their
    CTranslate2 models now. (A model left in a reference cycle would be freed by some later garbage
    collection — possibly in a process forked meanwhile, where its thread pool hangs.)"""
    import gc
    import sys

    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        for saved in translate.installed_translates:
            underlying = saved.cached_translation.underlying
            underlying.translator = None
            underlying.sentencizer = None
        translate.get_installed_languages.cache_clear()
        translate.installed_translates.clear()
    gc.collect()


@contextmanager
def argos_home(folder: Path | None = None) -> Iterator[Path]:
    """Point argostranslate at an empty packages folder of its own for the duration."""
    from argostranslate import settings

    own = folder or Path(tempfile.mkdtemp(prefix="tcheck-argos-packages-"))
    own.mkdir(parents=True, exist_ok=True)
    saved = (
        settings.package_data_dir,
        list(settings.package_dirs),
        settings.intra_threads,
        settings.compute_type,
    )
    settings.package_data_dir = own
    settings.package_dirs[:] = [own]
    # one thread: on a busy machine, CTranslate2's spinning worker threads make tiny models slow;
    # float32: "auto" picks int8 on some CPUs, which the hand-set weights do not survive (and the
    # results would then depend on the machine)
    settings.intra_threads = 1
    settings.compute_type = "float32"
    _forget_loaded()
    try:
        yield own
    finally:
        settings.package_data_dir = saved[0]
        settings.package_dirs[:] = saved[1]
        settings.intra_threads, settings.compute_type = saved[2], saved[3]
        _forget_loaded()
        if folder is None:
            shutil.rmtree(own, ignore_errors=True)


@contextmanager
def installed_models(specs: Sequence[str], folder: Path | None = None) -> Iterator[Path]:
    """Build (once) and install the models of ``specs`` with argostranslate's own installer."""
    from argostranslate import package

    with argos_home(folder) as home:
        for spec in specs:
            package.install_from_path(package_for(spec))
        _forget_loaded()
        yield home
