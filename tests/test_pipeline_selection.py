"""The rule selection of a run is worked out once, however many documents ask for it."""

from __future__ import annotations

import pytest

from tcheck import registry


def test_a_selection_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = registry.is_selected

    def counting(code: str, select: object, ignore: object) -> bool:
        calls.append(code)
        return real(code, select, ignore)  # type: ignore[arg-type]

    monkeypatch.setattr(registry, "is_selected", counting)
    monkeypatch.setattr(registry, "_SELECTIONS", {})
    first = [r.code for r in registry.selected_rules(("TC1", "TC202"), ("TC104",))]
    assert calls and "TC101" in first and "TC202" in first and "TC104" not in first
    assert all(code.startswith(("TC1", "TC202")) for code in first)
    calls.clear()
    for _ in range(100):  # one Engine per document asks again
        assert [r.code for r in registry.selected_rules(["TC1", "TC202"], ["TC104"])] == first
    assert calls == []
    other = [r.code for r in registry.selected_rules(("TC2",), ())]
    assert calls and other and all(code.startswith("TC2") for code in other)


def test_a_check_registered_later_is_selected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_RULES", dict(registry._RULES))
    before = [r.code for r in registry.selected_rules(("TC9",), ())]
    assert "TC999" not in before

    @registry.register("TC999", "late-check", registry.Severity.INFO)
    def late_check(doc: object, ctx: object) -> list[object]:
        """A check registered after the selection was first worked out."""
        return []

    assert "TC999" in [r.code for r in registry.selected_rules(("TC9",), ())]
