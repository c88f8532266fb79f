"""Forked rendering: same results, same order, failures surface."""

from __future__ import annotations

import os

import pytest

from digest.parallel import WorkerFailed, fork_map


def test_results_match_a_serial_map_in_order() -> None:
    items = list(range(450))
    assert fork_map(lambda x: (x * x, os.getpid()), items, 3)[5][0] == 25
    assert [r[0] for r in fork_map(lambda x: (x * x, os.getpid()), items, 3)] == [x * x for x in items]
    assert len({pid for _, pid in fork_map(lambda x: (x, os.getpid()), items, 3)}) == 3


def test_small_inputs_stay_in_process() -> None:
    assert {pid for pid in fork_map(lambda _x: os.getpid(), list(range(50)), 4)} == {os.getpid()}


def test_a_failing_worker_fails_the_map() -> None:
    def boom(x: int) -> int:
        if x == 301:
            raise ValueError("bad page")
        return x

    with pytest.raises(WorkerFailed, match="bad page"):
        fork_map(boom, list(range(400)), 2)
