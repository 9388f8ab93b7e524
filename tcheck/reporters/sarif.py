"""SARIF 2.1.0 for code-scanning dashboards; columns are Unicode code points."""

from __future__ import annotations

import json
from typing import Any

from tcheck import __version__
from tcheck.engine import RunResult
from tcheck.formats import DOCX_SUFFIXES
from tcheck.registry import all_rules
from tcheck.reporters import located

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    return {
        "startLine": item[f"{prefix}line"],
        "startColumn": item[f"{prefix}column"],
        "endLine": item[f"{prefix}end_line"],
        "endColumn": item[f"{prefix}end_column"],
    }


def _is_text_file(path: str) -> bool:
    """Whether the findings' offsets are offsets into the file (not so in a ``.docx`` archive,
    whose text is its paragraphs, one a line)."""
    return not path.lower().endswith(tuple(DOCX_SUFFIXES))


def _location(path: str, region: dict[str, Any]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}


def payload(result: RunResult) -> dict[str, Any]:
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for finding in result.findings:
        item = located(result, finding)
        region = _region(item)
        textual = _is_text_file(item["path"])
        if textual:  # a Word document's regions are paragraph (line) and character (column) only
            region["charOffset"] = item["offset"]
            region["charLength"] = item["end_offset"] - item["offset"]
        entry: dict[str, Any] = {
            "ruleId": item["code"],
            "ruleIndex": index[item["code"]],
            "level": _LEVEL[item["severity"]],
            "message": {"text": item["message"]},
            "locations": [_location(item["path"], region)],
        }
        if item["related"]:
            entry["relatedLocations"] = [
                {
                    "id": n,
                    **_location(rel["path"], _region(rel)),
                    "message": {"text": rel["note"] or "related"},
                }
                for n, rel in enumerate(item["related"], 1)
            ]
        fix = item["fix"]
        if fix is not None and textual:  # only certain fixes: a tool may apply them unseen
            deleted = {
                **_region(fix),
                "charOffset": fix["offset"],
                "charLength": fix["end_offset"] - fix["offset"],
            }
            entry["fixes"] = [
                {
                    "description": {"text": f"Replace with '{fix['text']}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": item["path"]},
                            "replacements": [
                                {"deletedRegion": deleted, "insertedContent": {"text": fix["text"]}}
                            ],
                        }
                    ],
                }
            ]
        if "data" in item:
            entry["properties"] = item["data"]
        results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tcheck",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.doc},
                                "defaultConfiguration": {"level": _LEVEL[rule.severity.label]},
                                "help": {"text": rule.doc},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "signature": result.signature,
                    "pairing": result.pairing,
                    "notes": list(result.notes),
                },
            }
        ],
    }


def render(result: RunResult, color: bool = False) -> str:
    return json.dumps(payload(result), ensure_ascii=False, indent=2) + "\n"
