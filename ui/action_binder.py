"""The registry (:mod:`ui.actions`) made into the window's menus and keys.

Each action's handler is given by the window (its presenters' methods); the binder checks, before
it runs, the permission the action needs and when it can run, and says why it cannot in the status
line. A menu greys the entries that cannot run as it opens; their keys stay live to say why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from dispatch.domain.enums import Role
from dispatch.domain.permissions import can
from ui import labels
from ui.actions import ACTIONS, BY_ID, MENU_TITLES, WHEN_NOT, ActionSpec, Menu, When, words
from ui.session import ConsoleSession

translate = QCoreApplication.translate


class ActionBinder:
    def __init__(
        self,
        window: QMainWindow,
        menu_bar: QMenuBar,
        session: ConsoleSession,
        handlers: Mapping[str, Callable[[], None]],
        conditions: Mapping[When, Callable[[], bool]],
        say: Callable[[str], None],
    ) -> None:
        self.session = session
        self.handlers = handlers
        self.conditions = conditions
        self.say = say
        self.actions: dict[str, QAction] = {}
        self.menus: dict[Menu, QMenu] = {}
        missing = {spec.id for spec in ACTIONS if spec.bound} - set(handlers)
        if missing:
            raise ValueError(f"actions without a handler: {sorted(missing)}")
        for menu, title in MENU_TITLES.items():
            created = menu_bar.addMenu(words(title))
            assert created is not None
            created.setObjectName(f"{menu.value}Menu")
            created.aboutToShow.connect(lambda m=menu: self._grey(m))
            self.menus[menu] = created
        for spec in ACTIONS:
            if not spec.bound:
                continue
            action = QAction(words(spec.text), window)
            action.setObjectName(spec.id)
            if spec.key:
                action.setShortcut(QKeySequence(spec.key))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=spec: self.run(s.id))
            if spec.menu is not Menu.NONE:
                self.menus[spec.menu].addAction(action)
            window.addAction(action)
            self.actions[spec.id] = action

    def why_not(self, spec: ActionSpec) -> str:
        """Why the action cannot run now ("" when it can)."""
        role = self.session.ctx.actor.role
        if spec.needs is not None and not can(role, spec.needs):
            role_words = labels.role(Role(role)) if role else "-"
            return (
                translate("MainWindow", "Your role (%1) cannot do this: %2.")
                .replace("%1", role_words)
                .replace("%2", words(spec.text).replace("&", ""))
            )
        if not self.conditions[spec.when]():
            return words(WHEN_NOT[spec.when])
        return ""

    def run(self, action_id: str) -> bool:
        """Run the action as its key would; False (and the reason said) when it cannot run now."""
        spec = BY_ID[action_id]
        reason = self.why_not(spec)
        if reason:
            self.say(reason)
            return False
        self.handlers[action_id]()
        return True

    def _grey(self, menu: Menu) -> None:
        for action in self.menus[menu].actions():
            spec = BY_ID.get(action.objectName())
            if spec is not None:
                action.setEnabled(not self.why_not(spec))
        # Keys of greyed entries stay live (they say why): enabled again once the menu closes.
        self.menus[menu].aboutToHide.connect(
            lambda m=menu: self._ungrey(m), Qt.ConnectionType.SingleShotConnection
        )

    def _ungrey(self, menu: Menu) -> None:
        for action in self.menus[menu].actions():
            action.setEnabled(True)
