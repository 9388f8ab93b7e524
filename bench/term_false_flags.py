"""TC102 on human references: false flags and recall per language, from NTREX-128.

A terminology task gives each segment a list of source terms with their required renderings. This
benchmark builds such lists from NTREX-128 (English news with professional translations): a small
bilingual list of common news nouns (written for this benchmark, below: English, German, Russian,
Spanish, Norwegian Bokmål, Swedish dictionary forms) is looked up in every English segment, and a
(segment, term) pair is kept when the human reference holds one of the renderings by an independent,
generous test (a shared beginning of the word allowing for endings, or the rendering inside a
closed compound). Then:

- false flags: TC102 runs over the human references (bilingual TSV, one segment a row); every kept
  pair it reports is a false flag (the rendering is there);
- recall: each kept pair again, with the words carrying the rendering replaced by ``XXX``; every
  pair TC102 reports is caught;
- absent: the pairs whose reference holds none of the renderings by that test (the translator
  paraphrased, used a synonym the list lacks, kept an English name); ``flagged`` is the share
  TC102 reports, a recall on natural omissions (some are renderings the oracle misses).

    python bench/term_false_flags.py ../shared/data/ntrex128 [--langs deu,rus,spa,nob,swe] [--show 5]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import FOLDER, LANGS

COLUMNS = ("eng", "deu", "rus", "spa", "nob", "swe")
COMPOUNDING = {"deu", "nob", "swe", "dan", "nno"}
TERMS = """\
government	Regierung	правительство	gobierno	regjering	regering
country	Land	страна	país	land	land
president	Präsident	президент	presidente	president	president
police	Polizei	полиция	policía	politi	polis
election	Wahl	выборы	elección	valg	val
court	Gericht	суд	tribunal	domstol;rett	domstol
party	Partei	партия	partido	parti	parti
city	Stadt	город	ciudad	by	stad
month	Monat	месяц	mes	måned	månad
week	Woche	неделя	semana	uke	vecka
attack	Angriff	нападение;атака	ataque	angrep	attack
investigation	Ermittlung;Untersuchung	расследование	investigación	etterforskning	utredning
policy	Politik	политика	política	politikk	politik
season	Saison	сезон	temporada	sesong	säsong
referendum	Referendum	референдум	referéndum	folkeavstemning	folkomröstning
official	Beamter;Vertreter	чиновник;представитель	funcionario	tjenestemann	tjänsteman
player	Spieler	игрок	jugador	spiller	spelare
information	Information	информация	información	informasjon	information
committee	Ausschuss	комитет	comité	komité	kommitté
woman	Frau	женщина	mujer	kvinne	kvinna
leader	Führer;Vorsitzender	лидер	líder	leder	ledare
campaign	Kampagne;Wahlkampf	кампания	campaña	kampanje	kampanj
report	Bericht	доклад;отчет	informe	rapport	rapport
energy	Energie	энергия	energía	energi	energi
decision	Entscheidung	решение	decisión	beslutning	beslut
member	Mitglied	член	miembro	medlem	medlem
water	Wasser	вода	agua	vann	vatten
company	Unternehmen;Firma	компания	empresa;compañía	selskap	företag
game	Spiel	игра	partido;juego	kamp;spill	match;spel
statement	Erklärung	заявление	declaración;comunicado	uttalelse	uttalande
language	Sprache	язык	idioma;lengua	språk	språk
building	Gebäude	здание	edificio	bygning	byggnad
market	Markt	рынок	mercado	marked	marknad
family	Familie	семья	familia	familie	familj
violence	Gewalt	насилие	violencia	vold	våld
student	Student;Schüler	студент;учащийся	estudiante	student;elev	student;elev
school	Schule	школа	escuela;colegio	skole	skola
hospital	Krankenhaus	больница	hospital	sykehus	sjukhus
sanction	Sanktion	санкция	sanción	sanksjon	sanktion
pressure	Druck	давление	presión	press	tryck
disaster	Katastrophe	катастрофа;бедствие	desastre	katastrofe	katastrof
authority	Behörde	власть;орган	autoridad	myndighet	myndighet
security	Sicherheit	безопасность	seguridad	sikkerhet	säkerhet
border	Grenze	граница	frontera	grense	gräns
mother	Mutter	мать	madre	mor	mor
data	Daten	данные	datos	data	data
plane	Flugzeug	самолет	avión	fly	plan
majority	Mehrheit	большинство	mayoría	flertall	majoritet
conference	Konferenz	конференция	conferencia	konferanse	konferens
murder	Mord	убийство	asesinato	drap	mord
industry	Industrie;Branche	промышленность;отрасль	industria	industri;bransje	industri;bransch
voter	Wähler	избиратель	votante;elector	velger	väljare
restaurant	Restaurant	ресторан	restaurante	restaurant	restaurang
trade	Handel	торговля	comercio	handel	handel
project	Projekt	проект	proyecto	prosjekt	projekt
system	System	система	sistema	system	system
money	Geld	деньги	dinero	penger	pengar
success	Erfolg	успех	éxito	suksess	framgång
opinion	Meinung	мнение	opinión	mening	åsikt
summer	Sommer	лето	verano	sommer	sommar
independence	Unabhängigkeit	независимость	independencia	uavhengighet	självständighet
island	Insel	остров	isla	øy	ö
worker	Arbeiter	работник;рабочий	trabajador	arbeider	arbetare
technology	Technologie	технология	tecnología	teknologi	teknik
injury	Verletzung	травма	lesión	skade	skada
captain	Kapitän	капитан	capitán	kaptein	kapten
asylum	Asyl	убежище	asilo	asyl	asyl
letter	Brief	письмо	carta	brev	brev
result	Ergebnis	результат	resultado	resultat	resultat
species	Art	вид	especie	art	art
director	Direktor;Regisseur	директор;режиссер	director	direktør;regissør	direktör;regissör
situation	Situation;Lage	ситуация	situación	situasjon	situation;läge
interview	Interview	интервью	entrevista	intervju	intervju
minister	Minister	министр	ministro	minister;statsråd	minister
prison	Gefängnis	тюрьма	cárcel;prisión	fengsel	fängelse
parent	Eltern	родитель	padre	forelder	förälder
victory	Sieg	победа	victoria	seier	seger
club	Verein;Klub	клуб	club	klubb	klubb
cancer	Krebs	рак	cáncer	kreft	cancer
economy	Wirtschaft	экономика	economía	økonomi	ekonomi
history	Geschichte	история	historia	historie	historia
victim	Opfer	жертва	víctima	offer	offer
beach	Strand	пляж	playa	strand	strand
summit	Gipfel	саммит	cumbre	toppmøte	toppmöte
earthquake	Erdbeben	землетрясение	terremoto;sismo	jordskjelv	jordbävning
tsunami	Tsunami	цунами	tsunami	tsunami	tsunami
hurricane	Hurrikan	ураган	huracán	orkan	orkan
storm	Sturm	шторм	tormenta	storm	storm
weapon	Waffe	оружие	arma	våpen	vapen
army	Armee	армия	ejército	hær	armé
teacher	Lehrer	учитель	profesor;maestro	lærer	lärare
church	Kirche	церковь	iglesia	kirke	kyrka
type	Typ	тип	tipo	type	typ
category	Kategorie	категория	categoría	kategori	kategori
start	Start;Beginn	начало;старт	inicio;comienzo	start	start
"""
WORD = re.compile(r"\w+")


def terms() -> list[dict[str, list[str]]]:
    """The bilingual list: per entry, the renderings of each language (``;`` separates them)."""
    out = []
    for line in TERMS.splitlines():
        cells = line.split("\t")
        out.append({lang: cell.split(";") for lang, cell in zip(COLUMNS, cells, strict=True)})
    return out


def in_source(term: str, text: str) -> bool:
    """The English term, singular or plural (``agency``/``agencies``), as a whole word."""
    stem = term[:-1] + "(?:y|ies)" if term.endswith("y") else re.escape(term) + "(?:s|es)?"
    return re.search(rf"\b{stem}\b", text, re.I) is not None


_UMLAUTS = str.maketrans("äöüå", "aoua")


def _fold(text: str) -> str:
    """Lower case without umlauts (Land/Länder, Stadt/Städte, Mutter/Mütter)."""
    return text.lower().translate(_UMLAUTS)


def _word_holds(term: str, word: str, compounding: bool) -> bool:
    """The oracle for one word: the term with an ending, or (where closed compounds are written)
    the term at the start or the end of a longer word."""
    shared = (
        len(term)
        if word.startswith(term)
        else next(
            (i for i, (a, b) in enumerate(zip(term, word, strict=False)) if a != b), min(len(term), len(word))
        )
    )
    if len(term) < 4:  # a short word: itself with an ending (øy/øya, by/byen, вид/виды)
        return word.startswith(term) and len(word) <= len(term) + 3
    if shared >= max(3, len(term) - 2) and len(word) <= len(term) + 4:
        return True
    if not compounding or len(term) < 4:
        return False
    if word.startswith(term[: max(4, len(term) - 1)]) and len(word) >= len(term) + 3:
        return True  # modifier: Start-datum
    at = word.find(term[: max(4, len(term) - 2)], 3)
    return at >= 3 and len(word) - at <= len(term) + 4  # head: Auslastungs-indikatoren


def holders(rendering: str, words: list[tuple[int, int, str]], compounding: bool) -> list[tuple[int, int]]:
    """Spans of the reference words that hold ``rendering`` (every word of it must be there)."""
    found: list[tuple[int, int]] = []
    for part in _fold(rendering).split():
        spans = [(s, e) for s, e, w in words if _word_holds(part, w, compounding)]
        if not spans:
            return []
        found.extend(spans)
    return found


def pairs(
    data: Path, lang: str
) -> tuple[list[tuple[int, int, list[tuple[int, int]]]], list[tuple[int, int]]]:
    """(segment, entry, spans in the reference holding a rendering) for every kept pair, and
    (segment, entry) for the pairs whose reference holds no rendering (a paraphrase, a synonym
    the list does not have, a name kept in English ...)."""
    eng = (data / LANGS["eng"]).read_text(encoding="utf-8").splitlines()
    ref = (data / LANGS[lang]).read_text(encoding="utf-8").splitlines()
    entries = terms()
    kept = []
    absent = []
    for i, (src, tgt) in enumerate(zip(eng, ref, strict=True)):
        words = [(m.start(), m.end(), _fold(m.group())) for m in WORD.finditer(tgt)]
        for j, entry in enumerate(entries):
            if not in_source(entry["eng"][0], src):
                continue
            spans = sorted({s for r in entry[lang] for s in holders(r, words, lang in COMPOUNDING)})
            if spans:
                kept.append((i, j, spans))
            else:
                absent.append((i, j))
    return kept, absent


def flagged(
    tmp: Path, name: str, lang: str, rows: list[tuple[str, str]], glossary: Path
) -> set[tuple[int, str]]:
    """(row, suggestion) of every TC102 finding over a bilingual TSV of ``rows``."""
    from tcheck import app
    from tcheck.config import Config
    from tcheck.reporters import located

    code = FOLDER[lang]
    path = tmp / f"{name}.tsv"
    clean = [(s.replace("\t", " "), t.replace("\t", " ")) for s, t in rows]
    path.write_text(f"en\t{code}\n" + "".join(f"{s}\t{t}\n" for s, t in clean), encoding="utf-8")
    config = Config(
        source_lang="en",
        target_lang=code,
        glossaries=(str(glossary),),
        select=("TC102",),
        default_glossaries=False,
        jobs=1,
        cache=False,
    )
    result = app.check([str(path)], config)
    return {(located(result, f)["line"] - 2, f.suggestion or "") for f in result.findings}


def measure(data: Path, lang: str, show: int) -> dict[str, float]:
    entries = terms()
    kept, absent = pairs(data, lang)
    eng = (data / LANGS["eng"]).read_text(encoding="utf-8").splitlines()
    ref = (data / LANGS[lang]).read_text(encoding="utf-8").splitlines()
    segments = sorted({i for i, _, _ in kept} | {i for i, _ in absent})
    with tempfile.TemporaryDirectory(prefix="tcheck-terms-") as name:
        tmp = Path(name)
        glossary = tmp / "glossary.csv"
        lines = [f"# languages: en -> {FOLDER[lang]}", "source,target"]
        lines += [f"{e['eng'][0]},{' | '.join(e[lang])}" for e in entries]
        glossary.write_text("\n".join(lines) + "\n", encoding="utf-8")
        started = time.perf_counter()
        row_of = {i: k for k, i in enumerate(segments)}
        human = flagged(tmp, "human", lang, [(eng[i], ref[i]) for i in segments], glossary)
        false = [(i, j) for i, j, _ in kept if (row_of[i], entries[j][lang][0]) in human]
        unflagged = [(i, j) for i, j in absent if (row_of[i], entries[j][lang][0]) not in human]
        removed = []
        for i, _j, spans in kept:
            text = ref[i]
            for s, e in reversed(spans):
                text = text[:s] + "XXX" + text[e:]
            removed.append((eng[i], text))
        caught_rows = flagged(tmp, "removed", lang, removed, glossary)
        caught = [k for k, (_, j, _) in enumerate(kept) if (k, entries[j][lang][0]) in caught_rows]
        seconds = time.perf_counter() - started
    for i, j in false[:show]:
        print(f"  false flag [{entries[j]['eng'][0]} -> {' | '.join(entries[j][lang])}] {ref[i]}")
    missed = [k for k in range(len(kept)) if k not in set(caught)]
    for k in missed[:show]:
        i, j, _ = kept[k]
        print(f"  missed [{entries[j]['eng'][0]} -> {' | '.join(entries[j][lang])}] {removed[k][1]}")
    for i, j in unflagged[:show]:
        print(f"  absent, not flagged [{entries[j]['eng'][0]} -> {' | '.join(entries[j][lang])}] {ref[i]}")
    return {
        "absent": len(absent),
        "absent_flagged": len(absent) - len(unflagged),
        "pairs": len(kept),
        "false": len(false),
        "caught": len(caught),
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the NTREX-128 folder")
    parser.add_argument("--langs", default="deu,rus,spa,nob,swe")
    parser.add_argument("--show", type=int, default=5, help="false flags and misses to print per language")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    print(
        f"{'lang':5} {'pairs':>6} {'false flags':>12} {'rate':>6} {'recall':>7} "
        f"{'absent':>7} {'flagged':>8} {'seconds':>8}"
    )
    rows = []
    for lang in args.langs.split(","):
        if lang not in COLUMNS[1:]:
            print(f"error: no term list for {lang} (have {', '.join(COLUMNS[1:])})", file=sys.stderr)
            return 2
        m = measure(args.data, lang, args.show)
        rows.append(
            f"{lang:5} {int(m['pairs']):6d} {int(m['false']):12d} {m['false'] / max(1, m['pairs']):6.1%} "
            f"{m['caught'] / max(1, m['pairs']):7.1%} {int(m['absent']):7d} "
            f"{m['absent_flagged'] / max(1, m['absent']):8.1%} {m['seconds']:8.1f}"
        )
        print(rows[-1])
    print("\n".join(["", "summary:", *rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
