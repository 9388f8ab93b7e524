"""How the sections of a translated page match its original's, for a person to judge.

Usage::

    python bench/section_alignment_debug.py EN.md XX.md [XX2.md ...]

For each translation, prints the original's and the translation's outlines (level, number, id,
length, the heading), then the matching :func:`tcheck.bilingual.sections.match_sections` chose:
each pair with its score, and each section left without a partner.
"""

from __future__ import annotations

import argparse

from tcheck.bilingual.align import length_ratio
from tcheck.bilingual.sectionmatch import _Evidence, match_sections
from tcheck.bilingual.sections import Section, outline
from tcheck.bilingual.units import units
from tcheck.formats import read_document
from tcheck.model import Document


def _title(doc: Document, section: Section, first_unit_seg: int) -> str:
    seg = doc.segments[first_unit_seg]
    return " ".join(seg.text.split())[:40]


def show(source_path: str, target_path: str) -> None:
    source, target = read_document(source_path), read_document(target_path)
    src, tgt = units(source), units(target)
    s_out, t_out = outline(source, src), outline(target, tgt)
    matches, paired = match_sections(s_out, t_out)
    ratio = length_ratio(src, tgt) if paired is None else paired
    evidence = _Evidence(s_out, t_out, ratio)
    print(f"== {target_path}: {len(s_out)} sections against {len(t_out)}, ratio {ratio:.2f}")
    s_title = [_title(source, s, src[s.first].seg) for s in s_out]
    t_title = [_title(target, t, tgt[t.first].seg) for t in t_out]
    i = j = 0
    for pi, di, pj, dj in [*matches, (len(s_out), 0, len(t_out), 0)]:
        for k in range(i, pi):
            print(f"   -    {'':>6} L{s_out[k].level} {s_out[k].length:5} {s_title[k]!r}  | (none)")
        for k in range(j, pj):
            print(f"   +    {'':>6} {'':14} (none) | L{t_out[k].level} {t_out[k].length:5} {t_title[k]!r}")
        score = f"{evidence.score(pi, di, pj, dj):6.1f}" if di else ""
        for k in range(max(di, dj)):
            s = f"L{s_out[pi + k].level} {s_out[pi + k].length:5} {s_title[pi + k]!r}" if k < di else ""
            t = f"L{t_out[pj + k].level} {t_out[pj + k].length:5} {t_title[pj + k]!r}" if k < dj else ""
            label = f"{pi + k if k < di else '':>2}-{pj + k if k < dj else '':<2}"
            print(f"  {label} {score if k == 0 else '':6} {s:50} | {t}")
        i, j = pi + di, pj + dj


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source")
    parser.add_argument("targets", nargs="+")
    args = parser.parse_args()
    for target in args.targets:
        show(args.source, target)


if __name__ == "__main__":
    main()
