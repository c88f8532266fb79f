"""Forked rendering: same results, same order, every item once, failures surface."""

from __future__ import annotations

import os
import random
import time

import pytest

from digest import parallel
from digest.parallel import BLOCK, WorkerFailed, _Claims, fork_map


def _slow(x: int) -> tuple[int, int]:
    time.sleep(0.0005)
    return x * x, os.getpid()


def test_results_match_a_serial_map_in_order() -> None:
    items = list(range(450))
    found = fork_map(_slow, items, 3)
    assert [r[0] for r in found] == [x * x for x in items]
    assert len({pid for _, pid in found}) == 3  # every worker took a share


def test_uneven_work_is_shared_from_both_ends() -> None:
    """The first items are ten times as slow as the others: a fixed half each would leave
    one worker with most of the work; claimed blocks balance it."""

    def work(x: int) -> tuple[int, int]:
        time.sleep(0.002 if x < 100 else 0.0002)
        return x, os.getpid()

    found = fork_map(work, list(range(400)), 2)
    assert [x for x, _ in found] == list(range(400))
    parent = [x for x, pid in found if pid == os.getpid()]
    child = [x for x, pid in found if pid != os.getpid()]
    assert 0 in parent and 399 in child  # one walks from the front, one from the back
    assert max(parent) < min(child)  # they met once, in one place
    assert min(child) < 100  # past the fast items into the slow ones: the work, not the items, halved


@pytest.mark.parametrize("count", [2, 3, 4, 5])
def test_claims_cover_every_item_once(count: int) -> None:
    rng = random.Random(count)
    for size in (0, 1, 7, 100, 1001):
        claims = _Claims(size, count)
        seen: list[int] = []
        active = list(range(count))
        while active:
            worker = rng.choice(active)
            block = claims.claim(worker)
            if block is None:
                active.remove(worker)
            else:
                assert 0 < block[1] - block[0] <= BLOCK
                seen.extend(range(*block))
        assert sorted(seen) == list(range(size))


def test_small_inputs_stay_in_process() -> None:
    assert {pid for pid in fork_map(lambda _x: os.getpid(), list(range(50)), 4)} == {os.getpid()}


def test_a_failing_worker_fails_the_map() -> None:
    def boom(x: int) -> int:
        time.sleep(0.0005)
        if x == 390:  # near the back: the child's first blocks
            raise ValueError("bad page")
        return x

    with pytest.raises(WorkerFailed, match="bad page"):
        fork_map(boom, list(range(400)), 2)


def test_a_failure_in_the_parents_share_stops_the_others() -> None:
    def boom(x: int) -> int:
        if x == 3:
            raise ValueError("bad page")
        time.sleep(0.01)
        return x

    started = time.perf_counter()
    with pytest.raises(ValueError, match="bad page"):
        fork_map(boom, list(range(400)), 2)
    assert time.perf_counter() - started < 1.5  # the child's 2 s of work was not waited for


def test_without_shared_semaphores_the_map_runs_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_semaphores() -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(parallel.multiprocessing, "Lock", no_semaphores)
    found = fork_map(_slow, list(range(300)), 2)
    assert [r[0] for r in found] == [x * x for x in range(300)] and {pid for _, pid in found} == {os.getpid()}
