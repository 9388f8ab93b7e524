"""markdown-it's block rules log every rule tried on every line at debug level: the Markdown
reader drops those messages unless someone listens for them when the parser is built."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from tcheck.formats import markdown
from tcheck.formats.markdown_parser import quiet_rule_logging

HEADING = "markdown_it.rules_block.heading"
PAGE = "# Überschrift\n\nHelm installiert Charts in Kubernetes.\n\n- Ein Punkt\n- Noch einer\n"


@pytest.fixture
def heading_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger(HEADING)
    level, debug = logger.level, logger.__dict__.pop("debug", None)
    yield logger
    logger.setLevel(level)
    if debug is not None:
        logger.debug = debug  # type: ignore[method-assign]


def test_the_rule_loggers_are_quiet_and_the_page_reads_the_same(
    heading_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    loud = markdown.read("content/de/docs/intro.md", PAGE)
    heading_logger.setLevel(logging.NOTSET)
    quieted = quiet_rule_logging()
    assert HEADING in quieted and "markdown_it.rules_block.list" in quieted
    assert not any(name.startswith("markdown_it.rules_inline") for name in quieted)
    with caplog.at_level(logging.DEBUG):
        heading_logger.setLevel(logging.DEBUG)  # enabled after the fact: still dropped
        quiet = markdown.read("content/de/docs/intro.md", PAGE)
    assert not [r for r in caplog.records if r.name == HEADING]
    assert [s.text for s in quiet.segments] == [s.text for s in loud.segments]
    assert [s.text for s in quiet.segments] == [
        "Überschrift",
        "Helm installiert Charts in Kubernetes.",
        "Ein Punkt",
        "Noch einer",
    ]


def test_a_rule_logger_listened_to_keeps_its_messages(
    heading_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    heading_logger.__dict__.pop("debug", None)
    heading_logger.setLevel(logging.DEBUG)
    assert HEADING not in quiet_rule_logging()
    with caplog.at_level(logging.DEBUG, logger=HEADING):
        markdown.read(
            "content/ja/docs/intro.md", "# はじめに\n\nHelm は Kubernetes のパッケージマネージャーです。\n"
        )
    assert any(r.name == HEADING and "entering heading" in r.getMessage() for r in caplog.records)
