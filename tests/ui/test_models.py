"""Every item model of the window passes Qt's model tester, watched through real changes.

One model per test: a ModelTester follows the model it was last given, so each needs its own.
"""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dispatch.domain.enums import UnitStatus
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import calls, dispatching, queries
from dispatch.services.context import ServiceContext
from ui.main_window import MainWindow

# The Python tester is the stricter; Qt's own QStandardItemModel reports check states as plain ints,
# which only the C++ tester accepts.
PYTHON_TESTER = {"calls", "incidents", "units", "assignments"}
MODELS = {
    "calls": lambda w: w.call_model,
    "incidents": lambda w: w.incident_model,
    "units": lambda w: w.unit_model,
    "assignments": lambda w: w.dispatch_panel.assignment_model,
    "candidates": lambda w: w.dispatch_panel.candidate_model,
}


@pytest.mark.parametrize("name", list(MODELS))
def test_model_passes_the_model_tester_through_changes(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    window: MainWindow,
    feed: SimulatedFeed,
    ctx: ServiceContext,
    name: str,
) -> None:
    model = MODELS[name](window)
    if name in PYTHON_TESTER:
        qtmodeltester.check(model, force_py=True)
    else:
        # Qt's own tester, parented to the model so that it goes with it (a tester outliving its
        # model crashes the interpreter at exit). Failures are Qt warnings, which fail the test.
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning, model)

    # Inserts, updates, removals and resets, while the tester watches every signal.
    first = feed.ring()
    feed.ring()
    qtbot.waitUntil(lambda: window.call_model.row_of_key(first.id) is not None)
    window.calls.answer(first)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident = window.incident_panel.incident
    assert incident is not None
    police = next(u for u in queries.units(ctx) if u.agency_type.value == "police")
    dispatching.assign_units(ctx, incident.id, [police.id])
    dispatching.set_unit_status(ctx, police.id, UnitStatus.ACKNOWLEDGED)
    qtbot.waitUntil(lambda: window.dispatch_panel.assignment_model.rowCount() == 1)
    calls.hang_up(ctx, first.id)
    rung = [feed.ring().id for _ in range(3)]
    qtbot.waitUntil(lambda: all(window.call_model.row_of_key(call_id) is not None for call_id in rung))
    window.reload_all()
    window.tick()  # the one-second repaint of ring timers and ages

    if name in PYTHON_TESTER:
        qtmodeltester.check(model, force_py=True)
