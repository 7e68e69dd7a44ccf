"""First start (create the first supervisor) and logging in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.accounts import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    AccountProblem,
    LoginOutcome,
)
from dispatch.domain.enums import Role
from dispatch.domain.permissions import Action, can
from dispatch.services import accounts
from dispatch.services.context import Actor, ServiceContext, ServiceError
from ui import labels

translate = QCoreApplication.translate


def account_problem(problem: AccountProblem) -> str:
    return {
        AccountProblem.USERNAME_INVALID: translate(
            "Accounts", "2 to 32 characters: lower-case letters, digits, dot, dash or underscore."
        ),
        AccountProblem.USERNAME_TAKEN: translate("Accounts", "This username is already taken."),
        AccountProblem.FULL_NAME_MISSING: translate("Accounts", "Enter the person's full name."),
        AccountProblem.PASSWORD_TOO_SHORT: translate("Accounts", "At least %1 characters.").replace(
            "%1", str(MIN_PASSWORD_LENGTH)
        ),
        AccountProblem.PASSWORD_TOO_LONG: translate("Accounts", "At most %1 characters.").replace(
            "%1", str(MAX_PASSWORD_LENGTH)
        ),
        AccountProblem.PASSWORD_COMMON: translate(
            "Accounts", "This password is one of the most common ones: choose another."
        ),
        AccountProblem.PASSWORD_CONTAINS_USERNAME: translate(
            "Accounts", "The password must not contain the username."
        ),
        AccountProblem.PASSWORD_REPETITIVE: translate(
            "Accounts", "One character repeated is not a password: choose another."
        ),
        AccountProblem.PASSWORDS_DIFFER: translate("Accounts", "The two passwords are not the same."),
    }[problem]


def password_rules() -> str:
    return translate(
        "Accounts",
        "A password has at least %1 characters, is not one of the most common ones and does not "
        "contain the username.",
    ).replace("%1", str(MIN_PASSWORD_LENGTH))


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b71c1c;")
    label.setWordWrap(True)
    label.hide()
    return label


def focus_first_refused(problems: dict[str, AccountProblem], fields: dict[str, QLineEdit]) -> None:
    """Put the cursor in the first field refused, beside its message (after Return in the last
    field it stayed there, below a password refused two fields up)."""
    for name, field in fields.items():
        if name in problems:
            field.setFocus()
            field.selectAll()
            return


class FirstSupervisorDialog(QDialog):
    """Shown once, on a database without accounts. ``actor`` is set when it is accepted."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("firstSupervisorDialog")
        self.setWindowTitle(translate("Accounts", "First start: create the supervisor account"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "Accounts",
                "This database has no accounts yet. Create the first supervisor; the supervisor "
                "then adds the "
                "call-takers and dispatchers.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # The rules before the first try, not only as refusals one at a time.
        self.rules = QLabel(password_rules())
        self.rules.setObjectName("passwordRules")
        self.rules.setWordWrap(True)
        layout.addWidget(self.rules)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("fullName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeated = QLineEdit()
        self.repeated.setObjectName("repeated")
        self.repeated.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {name: _error_label() for name in ("username", "full_name", "password", "repeated")}
        for name, text, widget in (
            ("username", translate("Accounts", "&Username"), self.username),
            ("full_name", translate("Accounts", "&Full name"), self.full_name),
            ("password", translate("Accounts", "&Password"), self.password),
            ("repeated", translate("Accounts", "&Repeat password"), self.repeated),
        ):
            form.addRow(text, widget)
            form.addRow("", self.errors[name])
        layout.addLayout(form)
        layout.addStretch(1)  # room to spare goes below the fields, not around the introduction
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def _create(self) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            self.actor = accounts.create_first_supervisor(
                self._ctx,
                self.username.text(),
                self.full_name.text(),
                self.password.text(),
                self.repeated.text(),
            )
        except accounts.AccountRefused as refused:
            for field, problem in refused.problems.items():
                self.errors[field].setText(account_problem(problem))
                self.errors[field].show()
            focus_first_refused(refused.problems, self._fields())
            return
        accounts.log_in(self._ctx, self.username.text(), self.password.text())
        self.accept()

    def _fields(self) -> dict[str, QLineEdit]:
        return {
            "username": self.username,
            "full_name": self.full_name,
            "password": self.password,
            "repeated": self.repeated,
        }


class LoginDialog(QDialog):
    """``actor`` is set when it is accepted.

    The same dialog asks at start, for a change of user (``replacing``: the user at the console, who
    stays if it is cancelled; ``log_in`` is then ``accounts.change_user``) and on a locked console
    after a log-out (``locked``: no Cancel and no Escape, only Log in or Quit; ``quit_chosen`` says
    which).
    """

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        log_in: Callable[[str, str], accounts.LoginResult] | None = None,
        replacing: Actor | None = None,
        locked: bool = False,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._log_in_with = log_in or (lambda username, password: accounts.log_in(ctx, username, password))
        self.actor: Actor | None = None
        self.locked = locked
        self.quit_chosen = False
        self.setObjectName("loginDialog")
        if locked:
            title = translate("Accounts", "Console locked: Call Center 112 (%1)")
        elif replacing is not None:
            title = translate("Accounts", "Change user: Call Center 112 (%1)")
        else:
            title = translate("Accounts", "Log in: Call Center 112 (%1)")
        self.setWindowTitle(title.replace("%1", ctx.console_name))
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("loginIntro")
        self.intro.setWordWrap(True)
        if locked:
            self.intro.setText(
                translate("Accounts", "No one is logged in at this console. The next user logs in here.")
            )
        elif replacing is not None:
            self.intro.setText(
                translate(
                    "Accounts", "%1 is logged in. The next user logs in here; Cancel keeps them logged in."
                ).replace("%1", replacing.full_name or replacing.user_name)
            )
        self.intro.setVisible(bool(self.intro.text()))
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(translate("Accounts", "&Username"), self.username)
        form.addRow(translate("Accounts", "&Password"), self.password)
        layout.addLayout(form)
        self.error = _error_label()
        self.error.setObjectName("loginError")
        layout.addWidget(self.error)
        # Locked: neither Escape nor the window's close button leaves the prompt; Quit does.
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            if locked
            else QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._log_in)
        buttons.rejected.connect(self.reject)
        if locked:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Accounts", "&Log in"))
            self.quit_button = buttons.addButton(
                translate("Accounts", "&Quit the console"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.quit_button.setObjectName("quitConsole")
            self.quit_button.setAutoDefault(False)
            self.quit_button.clicked.connect(self.quit_console)
        layout.addWidget(buttons)
        self.resize(420, 160)

    def reject(self) -> None:
        if not self.locked:
            super().reject()

    def quit_console(self) -> None:
        """Locked console: leave the login prompt to quit (the caller closes the window)."""
        self.quit_chosen = True
        super().reject()

    def _log_in(self) -> None:
        result = self._log_in_with(self.username.text(), self.password.text())
        if result.outcome is LoginOutcome.OK:
            self.actor = result.actor
            self.accept()
            return
        self.password.clear()
        self.password.setFocus()
        self.error.setText(
            {
                LoginOutcome.WRONG_CREDENTIALS: translate("Accounts", "Wrong username or password."),
                LoginOutcome.LOCKED: translate(
                    "Accounts",
                    "Too many wrong passwords: this account is locked for 15 minutes. Ask a supervisor.",
                ),
                LoginOutcome.INACTIVE: translate("Accounts", "This account is disabled. Ask a supervisor."),
            }[result.outcome]
        )
        self.error.show()


class UserAccountsDialog(QDialog):
    """The list of accounts; a supervisor's actions on the selected one; a form to add one.

    Supervisors and administrators unlock, deactivate or reactivate, reset the password of and change
    the role of the selected account (an administrator's account, and making an administrator: an
    administrator only). Each refusal is shown next to the field or button it concerns.
    """

    def __init__(self, ctx: ServiceContext, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._zone = zone
        self._users: list[accounts.UserView] = []
        self.setObjectName("userAccountsDialog")
        self.setWindowTitle(translate("Accounts", "User accounts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("Accounts", "Username"),
                translate("Accounts", "Full name"),
                translate("Accounts", "Role"),
                translate("Accounts", "State"),
                translate("Accounts", "Last login"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        # Rows are chosen with the arrows; Tab goes on to the actions (it walked the cells before).
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        # Fitted to contents, headers included: at 100 px the Indonesian "Nama pengguna" was cut to
        # "Nama penggun". The last column takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        # At least three accounts in view, whatever refusals the boxes below show.
        rows = 3 * self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + rows + frame)
        allowed = can(ctx.actor.role, Action.MANAGE_ACCOUNTS)
        layout.addWidget(self._build_selected_box(allowed))
        layout.addWidget(self._build_add_box(allowed))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not allowed:
            self.message.setText(
                translate("Accounts", "Only a supervisor or an administrator can add accounts.")
            )
        self.reload()
        # 760 px high did not fit a 1366x768 screen once a title bar and a panel were added.
        self.resize(720, 680)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return acts on what has the focus only: a field's own form (``returnPressed``) or the
        focused button (which takes the key itself).

        QDialog would press its default button, and the first button that ever had the focus stays
        the default (QDialog keeps it as its "main default" once none is set): after Tab had passed
        Unlock, Return in the new password's field unlocked the account as well as resetting it.
        """
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- building ------------------------------------------------------------------------------

    def _role_choices(self, combo: QComboBox) -> None:
        """Every role this actor may give (administrator only for an administrator)."""
        for role in Role:
            if role is Role.ADMIN and not can(self._ctx.actor.role, Action.MANAGE_ADMINISTRATORS):
                continue
            combo.addItem(labels.role(role), role.value)

    def _build_selected_box(self, allowed: bool) -> QGroupBox:
        box = QGroupBox(translate("Accounts", "Selected account"))
        box.setObjectName("selectedAccountBox")
        form = QFormLayout(box)
        self.selected_label = QLabel(translate("Accounts", "Choose an account in the list."))
        self.selected_label.setObjectName("selectedAccount")
        form.addRow(self.selected_label)
        self.unlock_button = QPushButton(translate("Accounts", "U&nlock"))
        self.unlock_button.setObjectName("unlockAccount")
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.active_button = QPushButton(translate("Accounts", "&Deactivate"))
        self.active_button.setObjectName("toggleActive")
        self.active_button.clicked.connect(self.toggle_active)
        self.state_error = _error_label()
        self.state_error.setObjectName("stateError")
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addWidget(self.active_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow("", self.state_error)
        self.change_role_combo = QComboBox()
        self.change_role_combo.setObjectName("changeRole")
        self._role_choices(self.change_role_combo)
        self.change_role_button = QPushButton(translate("Accounts", "&Change role"))
        self.change_role_button.setObjectName("changeRoleButton")
        self.change_role_button.clicked.connect(self.change_role)
        role_row = QHBoxLayout()
        role_row.addWidget(self.change_role_combo, 1)
        role_row.addWidget(self.change_role_button)
        # A label beside a layout has no buddy of its own: without one its "&" was shown as text
        # ("P&eran baru") and Alt+L (Alt+E) typed a letter into another field.
        role_label = QLabel(translate("Accounts", "New ro&le"))
        role_label.setBuddy(self.change_role_combo)
        form.addRow(role_label, role_row)
        self.role_error = _error_label()
        self.role_error.setObjectName("roleError")
        form.addRow("", self.role_error)
        self.reset_password = QLineEdit()
        self.reset_password.setObjectName("resetPassword")
        self.reset_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_repeated = QLineEdit()
        self.reset_repeated.setObjectName("resetRepeated")
        self.reset_repeated.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_errors = {name: _error_label() for name in ("password", "repeated")}
        form.addRow(translate("Accounts", "New pass&word"), self.reset_password)
        form.addRow("", self.reset_errors["password"])
        form.addRow(translate("Accounts", "Rep&eat new password"), self.reset_repeated)
        form.addRow("", self.reset_errors["repeated"])
        self.reset_button = QPushButton(translate("Accounts", "Re&set password"))
        self.reset_button.setObjectName("resetPasswordButton")
        self.reset_button.clicked.connect(self.reset_selected_password)
        for field in (self.reset_password, self.reset_repeated):
            field.returnPressed.connect(self.reset_selected_password)
        form.addRow("", self.reset_button)
        self.selected_message = QLabel()
        self.selected_message.setObjectName("selectedMessage")
        self.selected_message.setWordWrap(True)
        form.addRow(self.selected_message)
        box.setEnabled(allowed)
        self._selected_widgets = (
            self.unlock_button,
            self.active_button,
            self.change_role_combo,
            self.change_role_button,
            self.reset_password,
            self.reset_repeated,
            self.reset_button,
        )
        return box

    def _build_add_box(self, allowed: bool) -> QGroupBox:
        box = QGroupBox(translate("Accounts", "Add an account"))
        form = QFormLayout(box)
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("newFullName")
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        self._role_choices(self.role)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeated = QLineEdit()
        self.repeated.setObjectName("newRepeated")
        self.repeated.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {name: _error_label() for name in ("username", "full_name", "password", "repeated")}
        for name, text, widget in (
            ("username", translate("Accounts", "&Username"), self.username),
            ("full_name", translate("Accounts", "&Full name"), self.full_name),
            ("role", translate("Accounts", "R&ole"), self.role),
            ("password", translate("Accounts", "&Password"), self.password),
            ("repeated", translate("Accounts", "&Repeat password"), self.repeated),
        ):
            form.addRow(text, widget)
            if name in self.errors:
                form.addRow("", self.errors[name])
        self.add_button = QPushButton(translate("Accounts", "&Add account"))
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add_account)
        # Return in any field of the form adds the account (the dialog has no default button: its
        # only standard one is Close); refusals are shown beside their fields as with the button.
        for field in (self.username, self.full_name, self.password, self.repeated):
            field.returnPressed.connect(self.add_account)
        form.addRow("", self.add_button)
        self.message = QLabel()
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        box.setEnabled(allowed)
        return box

    # --- the list --------------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected_user()
        self._users = accounts.list_users(self._ctx)
        now = self._ctx.clock.now()
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            last = (
                user.last_login_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
                if user.last_login_at
                else ""
            )
            for column, text in enumerate(
                (user.username, user.full_name, labels.role(user.role), self._state(user, now), last)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and user.id == selected.id:
                self.table.selectRow(row)
        self._selection_changed()

    def _state(self, user: accounts.UserView, now: datetime) -> str:
        if not user.active:
            return translate("Accounts", "Deactivated")
        if user.locked_until is not None and now < user.locked_until:
            until = user.locked_until.astimezone(self._zone).strftime("%H:%M")
            return translate("Accounts", "Locked until %1").replace("%1", until)
        return translate("Accounts", "Active")

    def selected_user(self) -> accounts.UserView | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1 or not self._users:
            return None
        row = rows.pop()
        return self._users[row] if row < len(self._users) else None

    def select_username(self, username: str) -> None:
        for row, user in enumerate(self._users):
            if user.username == username:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        user = self.selected_user()
        for widget in self._selected_widgets:
            widget.setEnabled(user is not None)
        for label in (self.state_error, self.role_error, *self.reset_errors.values()):
            label.hide()
        self.selected_message.clear()  # "Role of ani changed." is not about the next account chosen
        if user is None:
            self.selected_label.setText(translate("Accounts", "Choose an account in the list."))
            return
        self.selected_label.setText(
            translate("Accounts", "%1 (%2): %3")
            .replace("%1", user.username)
            .replace("%2", user.full_name)
            .replace("%3", self._state(user, self._ctx.clock.now()))
        )
        self.active_button.setText(
            translate("Accounts", "&Deactivate") if user.active else translate("Accounts", "Reac&tivate")
        )
        index = self.change_role_combo.findData(user.role.value)
        if index >= 0:
            self.change_role_combo.setCurrentIndex(index)

    # --- actions on the selected account -------------------------------------------------------------

    def _act(
        self,
        action: Callable[[int], accounts.UserView],
        error: QLabel,
        done: str,
        fields: dict[str, QLabel] | None = None,
    ) -> bool:
        """Run ``action`` on the selected account; a refusal is shown in ``error`` (or by field)."""
        user = self.selected_user()
        if user is None:
            return False
        self.selected_message.clear()
        # One refusal at a time: an older one beside another field is no longer the answer, and
        # two or three of them left the list of accounts one row high.
        for label in (self.state_error, self.role_error):
            if label is not error:
                label.hide()
        if error is not self.reset_errors["password"]:
            for label in self.reset_errors.values():
                label.hide()
        try:
            changed = action(user.id)
        except accounts.AccountRefused as refused:
            for field, problem in refused.problems.items():
                label = (fields or {}).get(field, error)
                label.setText(account_problem(problem))
                label.show()
            return False
        except ServiceError as refused:
            error.setText(labels.service_error(refused.code))
            error.show()
            return False
        self.reload()
        self.select_username(changed.username)
        self.selected_message.setText(done.replace("%1", changed.username))
        return True

    def unlock_selected(self) -> None:
        self._act(
            lambda user_id: accounts.unlock_user(self._ctx, user_id),
            self.state_error,
            translate("Accounts", "Account %1 unlocked."),
        )

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.active:
            self._act(
                lambda user_id: accounts.deactivate_user(self._ctx, user_id),
                self.state_error,
                translate("Accounts", "Account %1 deactivated: it can no longer log in."),
            )
        else:
            self._act(
                lambda user_id: accounts.reactivate_user(self._ctx, user_id),
                self.state_error,
                translate("Accounts", "Account %1 reactivated."),
            )

    def change_role(self) -> None:
        role = Role(self.change_role_combo.currentData())
        user = self.selected_user()
        if user is not None and user.role is role:
            # Nothing to change: saying "changed" would report an action that did not happen.
            self.role_error.setText(
                translate("Accounts", "%1 already has this role.").replace("%1", user.username)
            )
            self.role_error.show()
            return
        self._act(
            lambda user_id: accounts.change_role(self._ctx, user_id, role),
            self.role_error,
            translate("Accounts", "Role of %1 changed."),
        )

    def reset_selected_password(self) -> None:
        for label in self.reset_errors.values():
            label.hide()
        password, repeated = self.reset_password.text(), self.reset_repeated.text()
        done = self._act(
            lambda user_id: accounts.reset_password(self._ctx, user_id, password, repeated),
            self.reset_errors["password"],
            translate("Accounts", "Password of %1 reset; tell them the new one in person."),
            self.reset_errors,
        )
        if done:
            self.reset_password.clear()
            self.reset_repeated.clear()

    # --- adding ----------------------------------------------------------------------------------

    def add_account(self) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            actor = accounts.create_user(
                self._ctx,
                self.username.text(),
                self.full_name.text(),
                self.password.text(),
                self.repeated.text(),
                Role(self.role.currentData()),
            )
        except accounts.AccountRefused as refused:
            for field, problem in refused.problems.items():
                self.errors[field].setText(account_problem(problem))
                self.errors[field].show()
            focus_first_refused(
                refused.problems,
                {
                    "username": self.username,
                    "full_name": self.full_name,
                    "password": self.password,
                    "repeated": self.repeated,
                },
            )
            return
        except ServiceError as error:
            self.message.setText(labels.service_error(error.code))
            return
        for edit in (self.username, self.full_name, self.password, self.repeated):
            edit.clear()
        self.message.setText(translate("Accounts", "Account %1 added.").replace("%1", actor.user_name))
        self.reload()
