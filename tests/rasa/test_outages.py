"""The retry loop the tracker store and the lock store share."""

from __future__ import annotations

import pytest

from bot.rasa import outages
from bot.rasa.outages import outlasting_outages


class DownError(Exception):
    pass


def failing(times: int, error: Exception) -> object:
    calls: list[int] = []

    async def operation() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise error
        return "done"

    operation.calls = calls  # type: ignore[attr-defined]
    return operation


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outages, "FIRST_PAUSE", 0.01)
    monkeypatch.setattr(outages, "LONGEST_PAUSE", 0.02)


async def test_an_outage_is_waited_out() -> None:
    seen: list[BaseException] = []
    operation = failing(3, DownError())
    result = await outlasting_outages(
        operation,  # type: ignore[arg-type]
        seconds=5,
        is_outage=lambda e: isinstance(e, DownError),
        on_outage=seen.append,
    )
    assert result == "done"
    assert len(operation.calls) == 4  # type: ignore[attr-defined]
    assert len(seen) == 3 and all(isinstance(e, DownError) for e in seen)


async def test_another_error_is_raised_at_once() -> None:
    operation = failing(1, ValueError("bad statement"))
    with pytest.raises(ValueError, match="bad statement"):
        await outlasting_outages(
            operation,  # type: ignore[arg-type]
            seconds=5,
            is_outage=lambda e: isinstance(e, DownError),
            on_outage=lambda e: pytest.fail("not an outage"),
        )
    assert len(operation.calls) == 1  # type: ignore[attr-defined]


async def test_an_outage_longer_than_the_limit_is_raised() -> None:
    operation = failing(10**6, DownError())
    with pytest.raises(DownError):
        await outlasting_outages(
            operation,  # type: ignore[arg-type]
            seconds=0.1,
            is_outage=lambda e: isinstance(e, DownError),
            on_outage=lambda e: None,
        )
    assert 2 <= len(operation.calls) < 20  # type: ignore[attr-defined]
