"""The serial executor: every input checked in this process, one after another."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tcheck import gcutil
from tcheck.engine import Input
from tcheck.pipeline.executor import DocResult, Job, check_input


class SerialExecutor:
    """Checks inputs here, in order (memory stays flat: one input's results at a time)."""

    name = "serial"

    def map(self, inputs: Sequence[Input], job: Job) -> Iterator[list[DocResult]]:
        for number, item in enumerate(inputs):
            yield check_input(item, job)
            if number == 0:
                # by now glossary matchers, language profiles and CLDR data are built and live as
                # long as the run: later collections need not walk them
                gcutil.settle()
