"""The process executor (``--jobs N``): forked workers, output identical to one process.

The parent checks the first input itself (so that everything set up lazily on the way — language
profiles, CLDR data, glossary matchers — is ready), then forks ``N`` workers that inherit it all
(glossaries, matchers and settings are not pickled). Each worker reads one input at a time with
the ordinary loader and runs the document checks on it; the results come back **in input order**
(``imap`` keeps the order) and the engine merges them and feeds the run checks.

Where ``fork`` is not available (Windows), or there is only one file (or ``--source``), the run
stays in one process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tcheck import gcutil
from tcheck.engine import Input
from tcheck.pipeline.executor import DocResult, Job, check_input, cpu_count
from tcheck.pipeline.serial import SerialExecutor

_JOB: Job | None = None  # set in the parent right before forking; inherited by the workers


def effective_jobs(jobs: int, inputs: int) -> int:
    """Processes to use: ``jobs`` (0 = one per core), never more than there are files."""
    wanted = jobs if jobs > 0 else cpu_count()
    return max(1, min(wanted, inputs))


def _chunksize(inputs: int, jobs: int) -> int:
    return max(1, min(8, inputs // (jobs * 8)))


def _work(item: Input) -> list[DocResult]:
    """Check one input in a worker."""
    job = _JOB
    assert job is not None, "worker started without its job"
    return check_input(item, job)


class ProcessExecutor:
    """Forked processes over files; falls back to :class:`SerialExecutor` when it cannot help."""

    name = "processes"

    def __init__(self, jobs: int = 0) -> None:
        self.jobs = jobs

    def map(self, inputs: Sequence[Input], job: Job) -> Iterator[list[DocResult]]:
        global _JOB
        jobs = effective_jobs(self.jobs, len(inputs))
        if jobs <= 1 or job.source is not None:
            yield from SerialExecutor().map(inputs, job)
            return
        import multiprocessing  # only when forking: a run of one file or one job never pays for it

        if "fork" not in multiprocessing.get_all_start_methods():
            yield from SerialExecutor().map(inputs, job)
            return
        # The first input is checked here, before forking: what it sets up lazily is then
        # inherited by every worker instead of being built again in each.
        yield check_input(inputs[0], job)
        gcutil.settle()  # the workers share what is set up by now instead of copying it
        _JOB = job
        rest = inputs[1:]
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                yield from pool.imap(_work, rest, chunksize=_chunksize(len(rest), jobs))
        finally:
            _JOB = None
