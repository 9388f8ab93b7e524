"""TC103 term-variant: one name, acronym or term written two ways, without a glossary."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import combinations, filterfalse

from tcheck.checks._variant_digest import (
    Digest,
    GroupFacts,
    LanguageForms,
    RunFacts,
    add_names,
    compounds,
)
from tcheck.checks._variants import (
    ONE_LETTER,
    Form,
    Relation,
    blocking_keys,
    contrasted,
    is_acronym,
    is_capitalised,
    letters,
    relate,
    split_tokens,
)
from tcheck.context import Context
from tcheck.glossary.model import primary
from tcheck.glossary.stemming import stemmer_for
from tcheck.model import Document, Hit, Related, Severity, Span
from tcheck.registry import register

MAX_BLOCK = 60
MAX_RELATED = 8
TOPIC_OVERLAP = 3
TOPIC_DOCS = 20  # of each of two forms in different documents, the first documents compared
# Languages that write every noun with a capital, so a capital does not make a name.
NOUN_CAPITALISING = frozenset({"de", "lb", "gsw"})
HYPHEN = "a hyphen or space variant"
SPELLING = ("different capitals", HYPHEN)


@register("TC103", "term-variant", Severity.WARNING)
class TermVariant:
    """A name, acronym or term is written two ways in one document or across the run.

    What it does: collects the names (capitalised words seen mid-sentence or never written in
    lower case), acronyms and hyphenated compounds of every document, per language, and pairs
    forms that are almost surely one thing written two ways:

    - acronyms with the same letters transposed (``CTSO``/``CSTO``), or, within one document,
      one letter changed (``OPEC``/``OPEK``);
    - names one or two edits apart by a swapped pair of letters, a dropped double letter
      (``Kassym``/``Kasym``) or a common transliteration variant (``Tokayev``/``Tokaev``/
      ``Tokajev``: kh/h, zh/j, ks/x, q/k, w/v, ou/u, y/j/i, a glide i between vowels);
    - hyphen, space and capitalisation variants (``Kassym-Jomart``/``Kassym Jomart``,
      ``NATO``/``Nato``, ``e-mail``/``email``).

    It stays quiet on inflection and derivation: possessives end a word (``Tokayev's``), and two
    forms that differ only in their ending (``Russia``/``Russian``, ``Swedes``/``Sweden``), where
    one is the start of the other (``Kazakh``/``Kazakhstan``) or that share a Snowball stem are
    never paired; neither are ordinary words (forms also written in lower case), a capital that
    only starts a sentence, shouted (all-caps) sentences, or acronyms of under three letters.
    Codes that differ in a digit (``HIP-0023``/``HIP-0026``, ``TC401``/``TC501``), acronyms that
    each occur more than once (``OTEP``/``OTLP``), labels (``NOTE:``/``Note:``) and spellings
    given side by side (``Multitenancy (or multi-tenancy)``) are not reported; a particle or
    suffix written onto a Latin name (``YAML과``, ``API를``, ``APIの``) is not part of it. A
    compound joined, hyphenated or spaced in German (``Chart-Repositories``/``Chart
    Repositories``), an identifier beside its words (``GoVersion``/``Go-Version``) and
    ``SHA-256``/``SHA256`` are reported as info: both spellings are accepted.
    Forms in different documents are paired only when the documents share at least three other
    names (the same story). The rarer form is reported at each place, with related spans at the
    other form. When a glossary knows a form, its preferred term is the suggestion and forbidden
    forms are left to TC101; with no glossary the majority is suggested and the message gives the
    evidence (``3 against 1``) rather than claiming which is right; a tie suggests nothing.

    Why it matters: a reader cannot tell whether ``CTSO`` and ``CSTO`` are one alliance or two;
    machine translation and copy-editing produce exactly such splits, and no spell checker sees
    them because both forms look like words.

    Example::

        ... the Russian-led security alliance CTSO for help.       (and twice more)
        The CSTO collective security pact is a military alliance ...
            ^^^^ TC103: 'CSTO' and 'CTSO' look like one name written two ways
                 (transposed letters): 'CTSO' 3 times, 'CSTO' once (3 against 1)
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        # per document: its names as sorted numbers (``name_ids``), kept only while the document
        # is among the first TOPIC_DOCS of one of its forms (None: it will never be compared), so
        # that what is kept grows with the run's distinct names, not with its documents
        self.names: list[array[int] | None] = []
        self.name_ids: dict[str, int] = {}
        self.df: dict[str, Counter[int]] = {}  # per language: name -> documents holding it
        self.docs: Counter[str] = Counter()  # documents per language
        self.langs: dict[str, LanguageForms] = {}
        self.sentence = 0
        self.rare: set[int] | None = None

    @staticmethod
    def group(doc: Document) -> str:
        """The part of the run a document belongs to: its language. Forms are compared within
        one language only, so a rerun after an edit finishes that language again and takes the
        others' findings from the result cache (see :meth:`finish_groups`)."""
        return primary(doc.lang) if doc.lang else "und"

    @staticmethod
    def digest(doc: Document, ctx: Context) -> Digest:
        """What the run needs of one document (computed where the document was read)."""
        found = Digest(doc.path, doc.lang, doc.source_lang)
        hyphenated: dict[str, set[str]] = {}  # lower-case compounds: letters -> surfaces
        lowercase = found.lowercase  # this document's lower-case words (letters only)
        sentence_starts = array("q")  # file offsets where sentences 1, 2 ... start
        for seg in doc.segments:
            # sentence by sentence, each sliced when its turn comes, and its words in batches
            for s_start, s_end in seg.sentences or ((0, len(seg.text)),):
                sentence = seg.text[s_start:s_end]
                found.sentences += 1
                sentence_starts.append(seg.file_span(s_start, s_start).start)
                previous: tuple[int, int, str, bool] | None = None
                for plain, marked in split_tokens(sentence):
                    lowercase.update(filter(str.isalpha, plain))
                    for word in filterfalse(str.isalpha, plain):  # e-post, covid19
                        lowercase.add(letters(word))
                        if "-" in word:
                            hyphenated.setdefault(letters(word), set()).add(word)
                    previous = add_names(found, seg, sentence, s_start, marked, hyphenated, previous)
        pairs = {k: v for k, v in hyphenated.items() if len(v) > 1 or k in lowercase}
        if pairs:
            found.compounds = compounds(doc, pairs, sentence_starts)
        return found

    def absorb(self, found: Digest, ctx: Context) -> None:
        """Add one document's digest to the run (in input order)."""
        index = len(self.paths)
        self.paths.append(found.path)
        lang = primary(found.lang) if found.lang else "und"
        state = self.langs.setdefault(lang, LanguageForms())
        if state.matcher is None and ctx.glossaries_for_pair(found.source_lang, found.lang):
            state.matcher = ctx.target_matcher_for(found.source_lang, found.lang)
        offset = self.sentence
        compared = False  # whether this document is among the first TOPIC_DOCS of a form of it
        forms = state.forms
        for word, tally in found.forms.items():
            form = forms.get(word)
            if form is None:
                form = forms[word] = Form(word)
            tally.add_to(form, index, offset)
            compared = compared or len(form.docs) <= TOPIC_DOCS
            if tally.defined:
                form.defined = True
        for pair, tally in found.spaced.items():
            key = letters(pair)
            pair_form = state.spaced.get(key)
            if pair_form is None:
                pair_form = state.spaced[key] = Form(pair, spaced=True)
            if pair_form.text == pair:
                tally.add_to(pair_form, index, offset)
                compared = compared or len(pair_form.docs) <= TOPIC_DOCS
        self.sentence += found.sentences
        state.lowercase |= found.lowercase
        for word, tally in found.compounds.items():
            form = forms.get(word)
            if form is None:
                form = forms[word] = Form(word)
            tally.add_to(form, index, offset)
            compared = compared or len(form.docs) <= TOPIC_DOCS
        ids = sorted(self.name_ids.setdefault(name, len(self.name_ids)) for name in found.names)
        self.df.setdefault(lang, Counter()).update(ids)
        self.docs[lang] += 1
        self.names.append(array("i", ids) if compared else None)

    def group_facts(self) -> dict[str, GroupFacts]:
        """Each language's documents and names among those fed so far."""
        names = list(self.name_ids)  # by number: numbers are given in order from 0
        return {
            lang: GroupFacts(self.docs[lang], {names[i]: n for i, n in df.items()})
            for lang, df in self.df.items()
        }

    @staticmethod
    def run_facts(parts: Iterable[GroupFacts]) -> RunFacts:
        """The whole run's facts from those of its languages."""
        return RunFacts.of(parts)

    @staticmethod
    def depends(part: GroupFacts, run: RunFacts) -> frozenset[str]:
        """What a language's findings depend on besides its own documents: which of its names
        are rare in the run."""
        return run.rare_in(part)

    def finish(self, ctx: Context) -> Iterator[Hit]:
        run = RunFacts.of(self.group_facts().values())
        for _, hits in self.finish_groups(ctx, sorted(self.langs), run):
            yield from hits

    def finish_groups(
        self, ctx: Context, groups: Collection[str], run: RunFacts
    ) -> Iterator[tuple[str, list[Hit]]]:
        """The findings of each of ``groups`` (languages, in the order given), from the documents
        fed to this instance, which may be those languages' documents alone: what the other
        documents of the run contribute comes in ``run`` (how many documents, and which names
        are rare). The same findings as :meth:`finish` over every document of the run."""
        limit = run.limit()
        self.rare = {i for name, i in self.name_ids.items() if run.df.get(name, 0) <= limit}
        for lang in groups:
            state = self.langs.get(lang)
            yield lang, [] if state is None else list(self._language(lang, state))

    def _is_candidate(self, form: Form, state: LanguageForms) -> bool:
        if is_acronym(form.text) or not is_capitalised(form.text):
            return True
        return form.mid > 0 or letters(form.text) not in state.lowercase

    def _related_docs(self, a: Form, b: Form) -> bool:
        if set(a.docs) & set(b.docs):
            return True
        own = {self.name_ids.get(letters(a.text), -1), self.name_ids.get(letters(b.text), -1)}
        rare = self.rare or set()  # set by finish_groups
        for da in a.docs[:TOPIC_DOCS]:
            names_a = set(self.names[da] or ()) & rare
            for db in b.docs[:TOPIC_DOCS]:
                if len((names_a.intersection(self.names[db] or ())) - own) >= TOPIC_OVERLAP:
                    return True
        return False

    def _language(self, lang: str, state: LanguageForms) -> Iterator[Hit]:
        stem = stemmer_for(lang) if lang != "und" else None
        forms = [f for f in state.forms.values() if self._is_candidate(f, state)]
        blocks: dict[str, list[Form]] = {}
        for form in forms:
            for key in blocking_keys(form.text):
                blocks.setdefault(key, []).append(form)
        parent: dict[str, str] = {}
        labels: dict[frozenset[str], str] = {}
        alternatives = _alternatives(state.forms.values())

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def link(a: Form, b: Form, relation: Relation | None) -> None:
            if relation is None:
                return
            if relation.same_doc_only and not set(a.docs) & set(b.docs):
                return
            if relation.label not in SPELLING and contrasted(a, b):
                return
            if relation.label == HYPHEN and letters(a.text) in alternatives:
                return  # "Multitenancy (or multi-tenancy)": both spellings given on purpose
            if relation.label == ONE_LETTER and min(a.count, b.count) >= 2:
                return  # OTEP and OTLP, each used more than once: two acronyms
            if lang in NOUN_CAPITALISING and relation.label not in SPELLING and not is_acronym(a.text):
                if not set(a.docs) & set(b.docs):
                    return  # every noun has a capital: only one document is evidence enough
            if not relation.same_doc_only and not self._related_docs(a, b):
                return
            labels[frozenset((a.text, b.text))] = relation.label
            parent[find(a.text)] = find(b.text)

        for block in blocks.values():
            if 1 < len(block) <= MAX_BLOCK:
                for a, b in combinations(block, 2):
                    if frozenset((a.text, b.text)) not in labels:
                        link(a, b, relate(a.text, b.text, stem, state.lowercase))
        by_text = {f.text: f for f in forms}
        for form in forms:
            spaced = state.spaced.get(letters(form.text))
            if spaced is not None and spaced.text != form.text and ("-" in form.text or " " not in form.text):
                if is_capitalised(form.text) and len(letters(form.text)) >= 2 * 3:
                    by_text[spaced.text] = spaced
                    link(spaced, form, Relation(HYPHEN))
        clusters: dict[str, list[Form]] = {}
        for text in parent:
            clusters.setdefault(find(text), []).append(by_text[text])
        for members in clusters.values():
            if len(members) > 1:
                yield from self._report(members, labels, state, lang)

    def _glossary_status(self, form: Form, state: LanguageForms) -> tuple[str, str | None] | None:
        if state.matcher is None:
            return None
        for m in state.matcher.find(form.text):
            if m.exact and m.start == 0 and m.end == len(form.text):
                preferred = m.payload.entry.preferred
                return m.payload.term.status, preferred.text if preferred else None
        return None

    def _report(
        self, members: list[Form], labels: dict[frozenset[str], str], state: LanguageForms, lang: str
    ) -> Iterator[Hit]:
        members.sort(key=lambda f: (-f.count, tuple(f.places[:3]) if f.places else (0, 0, 0)))
        known = {f.text: self._glossary_status(f, state) for f in members}
        allowed = [f for f in members if (k := known[f.text]) is not None and k[0] != "forbidden"]
        preferred = next((k[1] for k in known.values() if k is not None and k[1]), None)
        if any(k is not None for k in known.values()):
            flagged = [f for f in members if known[f.text] is None]
            major = allowed[0] if allowed else None
        else:
            major = members[0]
            flagged = members[1:]
        for form in flagged:
            other = major or members[0] if (major or members[0]) is not form else members[1]
            label = labels.get(frozenset((form.text, other.text)), "a variant")
            if preferred is not None:
                used = f"; '{other.text}' is used {_times(other.count)}" if major is not None else ""
                message = (
                    f"'{form.text}' looks like a variant of the glossary term '{preferred}' ({label}){used}"
                )
                suggestion: str | None = preferred
            else:
                n, m = other.count, form.count
                tie = n == m
                message = (
                    f"'{form.text}' and '{other.text}' look like one name written two ways ({label}): "
                    f"'{other.text}' {_times(n)}, '{form.text}' {_times(m)} ({n} against {m}); "
                    + (
                        "no glossary says which is right, and neither is more frequent"
                        if tie
                        else "no glossary says which is right"
                    )
                )
                suggestion = None if tie else other.text
            related = self._related(form, other)
            confidence = round(other.count / (other.count + form.count), 2)
            severity = Severity.INFO if _orthographic(members, labels, lang) else None
            for doc, start, end in form.spans:
                yield Hit(
                    span=Span(start, end),
                    message=message,
                    suggestion=suggestion,
                    related=related(doc),
                    confidence=confidence,
                    path=self.paths[doc],
                    severity=severity,
                )

    def _related(self, form: Form, other: Form) -> Callable[[int], tuple[Related, ...]]:
        places = other.spans

        def related(doc: int) -> tuple[Related, ...]:
            spans = sorted(places, key=lambda s: (s[0] != doc, s[0], s[1]))[:MAX_RELATED]
            return tuple(Related(self.paths[d], Span(s, e), f"'{other.text}'") for d, s, e in spans)

        return related


def _alternatives(forms: Collection[Form]) -> set[str]:
    """Letters of the words written joined and hyphenated (or spaced) in one sentence: one
    spelling given as an alternative to the other (``Multitenancy (or multi-tenancy)``)."""
    split: dict[str, set[int]] = {}
    for form in forms:
        if "-" in form.text or " " in form.text:
            split.setdefault(letters(form.text), set()).update(form.sentences - {-1})
    if not split:
        return set()
    joined: dict[str, set[int]] = {}  # only of the words also written split
    for form in forms:
        text = form.text
        if "-" not in text and " " not in text and (key := letters(text)) in split:
            joined.setdefault(key, set()).update(form.sentences - {-1})
    return {key for key, sentences in split.items() if sentences & joined.get(key, set())}


def _orthographic(members: list[Form], labels: dict[frozenset[str], str], lang: str) -> bool:
    """Whether the forms differ only as two accepted spellings do, so the finding is a note
    (info): a compound joined, hyphenated or spaced in a language that capitalises nouns
    (``Chart-Repositories``/``Chart Repositories``, ``Helmbibliothek``), an identifier beside
    its words (``GoVersion``/``Go-Version``), or letters and digits with or without a hyphen
    (``SHA-256``/``SHA256``)."""
    found = [labels.get(frozenset((a.text, b.text))) for a, b in combinations(members[:MAX_BLOCK], 2)]
    if any(label not in (None, HYPHEN) for label in found) or HYPHEN not in found:
        return False
    if lang in NOUN_CAPITALISING:
        return True
    texts = [f.text for f in members]
    return any(_CAMEL.fullmatch(t) or _DIGITS_HYPHEN.search(t) for t in texts)


_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]*)+")  # GoVersion, ReplicationController
_DIGITS_HYPHEN = re.compile(r"[^\W\d_]-\d")  # SHA-256, COVID-19


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"
