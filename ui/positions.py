"""Positions: how the window's docks are arranged for a call-taker, a dispatcher, a supervisor, or a
supervisor reviewing a shift.

Every panel of the window is a dock (its object name ends in "Dock"), so a user can move it, tab it
with another, or float it onto a second or third monitor. A position is a preset arrangement that a
key (Alt+1..5) or the View menu brings back. What the user made of it is saved per user and console
(:class:`LayoutStore`) and restored at the next log-in; a dock left floating on a monitor that is gone
comes back into the window.

The supervisors' docks (the duty shift and its handover, the shift log, the figures) are shown only
to a role that may use them (:data:`DOCK_NEEDS`): for anyone else they stay hidden and out of the
docks' context menu, whatever the position or a saved arrangement says.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from dispatch.domain.enums import Role
from dispatch.domain.permissions import Action, can

# Bumped when the docks change, so that an arrangement saved by an older version is not restored
# over docks it does not know (QMainWindow.restoreState refuses a different version).
LAYOUT_VERSION = 6

Area = Qt.DockWidgetArea


class Position(Enum):
    CALL_TAKER = "call_taker"
    DISPATCHER = "dispatcher"
    SUPERVISOR = "supervisor"
    # A past or the current shift looked at: the shift log big, its figures and handover beside.
    REVIEW = "review"
    # Training: the trainer's panel big, the debrief behind it; the units (to delay one) and the calls.
    TRAINER = "trainer"


# The position a role starts in when it has no saved arrangement.
ROLE_POSITION = {
    Role.CALL_TAKER: Position.CALL_TAKER,
    Role.DISPATCHER: Position.DISPATCHER,
    Role.SUPERVISOR: Position.SUPERVISOR,
    Role.ADMIN: Position.SUPERVISOR,
}

# Dock object names (QMainWindow.saveState keys the arrangement by them: never rename one).
CALLS = "callsDock"
CALLER = "callerDock"
BOARDS = "boardsDock"
INCIDENT = "incidentDock"
DISPATCH = "dispatchDock"
PROTOCOL = "protocolDock"
UNITS = "unitsDock"
ALERTS = "alertsDock"
SHIFT = "shiftDock"
REVIEW = "reviewDock"
FIGURES = "figuresDock"
TRAINER = "trainerDock"
DEBRIEF = "debriefDock"
MAP = "mapDock"
# Forwarding to agencies (issue 16), and the cameras near the incident (a window without the
# cameras' dock, as a test may build, is arranged without it).
FORWARDING = "forwardingDock"
CAMERA = "cameraDock"
ALL_DOCKS = (
    CALLS,
    CALLER,
    BOARDS,
    INCIDENT,
    DISPATCH,
    PROTOCOL,
    UNITS,
    ALERTS,
    SHIFT,
    REVIEW,
    FIGURES,
    TRAINER,
    DEBRIEF,
    MAP,
    FORWARDING,
    CAMERA,
)

#: Docks only a role with this permission sees (the services refuse the others anyway).
DOCK_NEEDS: dict[str, Action] = {
    SHIFT: Action.MANAGE_SHIFTS,
    REVIEW: Action.REVIEW_SHIFTS,
    FIGURES: Action.REVIEW_SHIFTS,
    TRAINER: Action.RUN_TRAINING,
    DEBRIEF: Action.RUN_TRAINING,
}


def position_for(role: str | None) -> Position:
    try:
        return ROLE_POSITION[Role(role or "")]
    except ValueError:
        return Position.CALL_TAKER


def settle_layout() -> None:
    """Lay the rearranged docks out now. A panel whose contents changed size before the window had
    laid out a new arrangement (a line shown in the figures panel just after Alt+4) left the window's
    dock tab bars hidden: the tabs behind the shift log and the figures could not be seen."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def may_see(role: str | None, dock_name: str) -> bool:
    """Whether ``role`` may have the dock ``dock_name`` shown."""
    needed = DOCK_NEEDS.get(dock_name)
    return needed is None or can(role, needed)


def hide_forbidden(window: QMainWindow, role: str | None) -> None:
    """Hide the docks ``role`` may not use, and take them out of the docks' context menu (a saved
    arrangement, or the menu, would otherwise show a call-taker the shift log)."""
    for dock in window.findChildren(QDockWidget):
        allowed = may_see(role, dock.objectName())
        dock.toggleViewAction().setVisible(allowed)
        if not allowed:
            dock.setFloating(False)
            window.removeDockWidget(dock)
    settle_layout()


def arrange(window: QMainWindow, position: Position, role: str | None) -> None:
    """Put every dock where ``position`` wants it, in the window (none floating), sized for it;
    the docks ``role`` may not use are hidden (:func:`hide_forbidden`).

    Columns are proportions of the window's width, so the same preset fits 1366x768 and 1920x1080.
    """
    docks = {dock.objectName(): dock for dock in window.findChildren(QDockWidget)}
    for dock in docks.values():
        # Docked first: a floating dock taken out of the layout stays floating when added back.
        dock.setFloating(False)
        window.removeDockWidget(dock)
    width = max(window.width(), 800)
    height = max(window.height(), 600)

    def put(name: str, area: Area) -> QDockWidget:
        dock = docks[name]
        window.addDockWidget(area, dock)
        dock.show()
        return dock

    def below(first: str, second: str) -> None:
        window.splitDockWidget(docks[first], docks[second], Qt.Orientation.Vertical)
        docks[second].show()

    def behind(first: str, second: str) -> None:
        if second not in docks:
            return  # a panel this window does not have (the cameras' dock)
        window.tabifyDockWidget(docks[first], docks[second])
        docks[second].show()

    def across(names: tuple[str, ...], shares: tuple[float, ...]) -> None:
        window.resizeDocks(
            [docks[n] for n in names], [int(width * x) for x in shares], Qt.Orientation.Horizontal
        )

    def down(names: tuple[str, ...], shares: tuple[float, ...]) -> None:
        window.resizeDocks(
            [docks[n] for n in names], [int(height * x) for x in shares], Qt.Orientation.Vertical
        )

    if position is Position.CALL_TAKER:
        # Calls and the caller on the left; the form in the middle, wide enough for every field
        # at 1366 px; the protocol card (asked as the call is taken) with dispatch, forwarding and the
        # units behind it.
        put(CALLS, Area.LeftDockWidgetArea)
        below(CALLS, CALLER)
        below(CALLER, BOARDS)
        put(INCIDENT, Area.RightDockWidgetArea)
        put(PROTOCOL, Area.RightDockWidgetArea)
        window.splitDockWidget(docks[INCIDENT], docks[PROTOCOL], Qt.Orientation.Horizontal)
        below(PROTOCOL, ALERTS)
        behind(PROTOCOL, DISPATCH)
        behind(DISPATCH, FORWARDING)
        behind(FORWARDING, UNITS)
        # The map and the cameras behind the incident board: six tabs in the right column left each
        # a few letters at 1366 px ("K…", "P…").
        behind(BOARDS, MAP)
        behind(MAP, CAMERA)
        docks[PROTOCOL].raise_()
        docks[BOARDS].raise_()
        across((CALLS, INCIDENT, PROTOCOL), (0.30, 0.45, 0.25))
        down((CALLS, CALLER, BOARDS), (0.32, 0.26, 0.42))
        down((PROTOCOL, ALERTS), (0.8, 0.2))
    elif position is Position.DISPATCHER:
        # Incidents on the left; the open incident with its dispatch panel; the unit board right,
        # the situation map behind it (Ctrl+M: there is no room for both at 1366x768).
        put(BOARDS, Area.LeftDockWidgetArea)
        below(BOARDS, CALLS)
        put(INCIDENT, Area.RightDockWidgetArea)
        put(UNITS, Area.RightDockWidgetArea)
        window.splitDockWidget(docks[INCIDENT], docks[UNITS], Qt.Orientation.Horizontal)
        below(INCIDENT, DISPATCH)
        below(UNITS, ALERTS)
        behind(DISPATCH, FORWARDING)
        behind(FORWARDING, PROTOCOL)
        behind(CALLS, CALLER)
        behind(UNITS, MAP)
        behind(MAP, CAMERA)
        docks[DISPATCH].raise_()
        docks[CALLS].raise_()
        docks[UNITS].raise_()
        across((BOARDS, INCIDENT, UNITS), (0.28, 0.40, 0.32))
        down((BOARDS, CALLS), (0.6, 0.4))
        down((INCIDENT, DISPATCH), (0.5, 0.5))
        down((UNITS, ALERTS), (0.78, 0.22))
    elif position is Position.REVIEW:
        # A shift looked at closely: the shift log with its timeline and review form takes most of
        # the width; the figures and the shift's handover beside it, the calls ringing and what is
        # overdue below them. The floor's other panels wait in tabs: F2 still answers a call into
        # the form, Ctrl+3 still shows the units.
        put(REVIEW, Area.LeftDockWidgetArea)
        put(FIGURES, Area.RightDockWidgetArea)
        below(FIGURES, CALLS)
        below(CALLS, ALERTS)
        behind(FIGURES, SHIFT)
        behind(SHIFT, UNITS)
        behind(UNITS, PROTOCOL)
        behind(REVIEW, INCIDENT)
        behind(INCIDENT, DISPATCH)
        behind(DISPATCH, FORWARDING)
        behind(FORWARDING, BOARDS)
        for name in (REVIEW, FIGURES, CALLS):
            docks[name].raise_()
        across((REVIEW, FIGURES), (0.58, 0.42))
        down((FIGURES, CALLS, ALERTS), (0.58, 0.26, 0.16))
    elif position is Position.TRAINER:
        # The trainer's panel (scenarios, trainees, the session's calls as they are filled in) takes
        # most of the width, the debrief behind it; the unit board (a unit to delay or break down)
        # and the calls beside it, the situation map behind the units; the floor's other panels wait
        # in tabs.
        put(TRAINER, Area.LeftDockWidgetArea)
        put(UNITS, Area.RightDockWidgetArea)
        below(UNITS, CALLS)
        below(CALLS, ALERTS)
        behind(TRAINER, DEBRIEF)
        behind(DEBRIEF, INCIDENT)
        behind(INCIDENT, DISPATCH)
        behind(DISPATCH, FORWARDING)
        behind(UNITS, PROTOCOL)
        behind(PROTOCOL, MAP)
        behind(MAP, CAMERA)
        behind(CALLS, BOARDS)
        behind(BOARDS, CALLER)
        for name in (TRAINER, UNITS, CALLS):
            docks[name].raise_()
        across((TRAINER, UNITS), (0.6, 0.4))
        down((UNITS, CALLS, ALERTS), (0.5, 0.36, 0.14))
    else:
        # The whole floor at a glance: calls and callbacks, incidents, units, what is overdue and
        # the forwardings to agencies of the incident in the form (the callers behind them); the
        # incident form behind the unit board for a look at one incident, the duty shift and its
        # handover and the situation map behind them.
        put(CALLS, Area.LeftDockWidgetArea)
        below(CALLS, BOARDS)
        put(UNITS, Area.RightDockWidgetArea)
        put(ALERTS, Area.RightDockWidgetArea)
        window.splitDockWidget(docks[UNITS], docks[ALERTS], Qt.Orientation.Horizontal)
        below(ALERTS, FORWARDING)
        behind(UNITS, INCIDENT)
        behind(INCIDENT, DISPATCH)
        behind(DISPATCH, SHIFT)
        behind(SHIFT, MAP)
        behind(MAP, CAMERA)
        behind(FORWARDING, CALLER)
        behind(CALLER, PROTOCOL)
        docks[UNITS].raise_()
        docks[FORWARDING].raise_()
        across((CALLS, UNITS, ALERTS), (0.36, 0.38, 0.26))
        down((CALLS, BOARDS), (0.45, 0.55))
        down((ALERTS, FORWARDING), (0.4, 0.6))
    hide_forbidden(window, role)


def place_dock(window: QMainWindow, name: str) -> None:
    """Put the dock ``name`` into the window when the position left it out (a supervisor's Ctrl+6 in
    the call-taker position): tabbed over the largest panel shown, raised. A dock already in the
    window (shown, tabbed, closed or floating) is left where it is: ``ui.reveal`` raises it."""
    dock = window.findChild(QDockWidget, name)
    if dock is None or dock.isFloating() or window.dockWidgetArea(dock) is not Area.NoDockWidgetArea:
        return
    shown = [
        other
        for other in window.findChildren(QDockWidget)
        if other is not dock
        and other.isVisible()
        and not other.isFloating()
        and window.dockWidgetArea(other) is not Area.NoDockWidgetArea
    ]
    if not shown:
        window.addDockWidget(Area.RightDockWidgetArea, dock)
    else:
        largest = max(shown, key=lambda other: other.width() * other.height())
        window.tabifyDockWidget(largest, dock)
    dock.show()
    dock.raise_()
    settle_layout()


def bring_back_lost_docks(window: QMainWindow) -> list[str]:
    """Docks floating where no screen is now (a monitor unplugged) come back into the window.

    Also a window whose saved place is off every screen moves onto the primary one. Returns the
    names of the docks brought back.
    """
    screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]

    def on_a_screen(rect: QRect) -> bool:
        # At least a corner the user can grab: 40x40 px of it on some screen.
        return any(
            rect.intersected(area).width() >= 40 and rect.intersected(area).height() >= 40 for area in screens
        )

    back = []
    for dock in window.findChildren(QDockWidget):
        if dock.isFloating() and not on_a_screen(dock.frameGeometry()):
            dock.setFloating(False)
            back.append(dock.objectName())
    if not on_a_screen(window.frameGeometry()) and screens:
        primary = QGuiApplication.primaryScreen().availableGeometry()
        window.move(primary.topLeft())
    return back


class LayoutStore:
    """Arrangements saved per console and user, in an INI file of their own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @staticmethod
    def _key(console: str, user: str) -> str:
        # QSettings keys: "/" separates groups, "\" is not portable; the names are ours anyway.
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in f"{console}@{user}")
        return f"layouts/{safe}"

    def save(self, console: str, user: str, window: QMainWindow) -> None:
        key = self._key(console, user)
        self._store.setValue(f"{key}/geometry", window.saveGeometry())
        self._store.setValue(f"{key}/state", window.saveState(LAYOUT_VERSION))
        self._store.setValue(f"{key}/maximized", window.isMaximized())
        self._store.sync()

    def restore(self, console: str, user: str, window: QMainWindow) -> bool:
        """Restore the saved arrangement; False when there is none (or it cannot be used)."""
        key = self._key(console, user)
        state = self._store.value(f"{key}/state")
        geometry = self._store.value(f"{key}/geometry")
        if not isinstance(state, QByteArray) or not isinstance(geometry, QByteArray):
            return False
        if not window.restoreGeometry(geometry):
            return False
        if not window.restoreState(state, LAYOUT_VERSION):
            return False
        bring_back_lost_docks(window)
        return True

    def was_maximized(self, console: str, user: str) -> bool:
        value = self._store.value(f"{self._key(console, user)}/maximized", True)
        return str(value).lower() in ("true", "1")
