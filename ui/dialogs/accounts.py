"""First start (create the first supervisor) and logging in."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
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


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b71c1c;")
    label.setWordWrap(True)
    label.hide()
    return label


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
            return
        accounts.log_in(self._ctx, self.username.text(), self.password.text())
        self.accept()


class LoginDialog(QDialog):
    """``actor`` is set when it is accepted."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(
            translate("Accounts", "Log in: Call Center 112 (%1)").replace("%1", ctx.console_name)
        )
        layout = QVBoxLayout(self)
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._log_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 160)

    def _log_in(self) -> None:
        result = accounts.log_in(self._ctx, self.username.text(), self.password.text())
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
    """The list of accounts, and a form to add one (supervisors and administrators)."""

    def __init__(self, ctx: ServiceContext, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._zone = zone
        self.setObjectName("userAccountsDialog")
        self.setWindowTitle(translate("Accounts", "User accounts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Accounts", "Username"),
                translate("Accounts", "Full name"),
                translate("Accounts", "Role"),
                translate("Accounts", "Last login"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)

        box = QGroupBox(translate("Accounts", "Add an account"))
        form = QFormLayout(box)
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("newFullName")
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for role in Role:
            self.role.addItem(labels.role(role), role.value)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeated = QLineEdit()
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
        self.add_button.clicked.connect(self.add_account)
        form.addRow("", self.add_button)
        self.message = QLabel()
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        allowed = ctx.actor.role in accounts.ACCOUNT_MANAGERS
        box.setEnabled(allowed)
        if not allowed:
            self.message.setText(
                translate("Accounts", "Only a supervisor or an administrator can add accounts.")
            )
        self.reload()
        self.resize(640, 560)

    def reload(self) -> None:
        users = accounts.list_users(self._ctx)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            last = (
                user.last_login_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
                if user.last_login_at
                else ""
            )
            for column, text in enumerate((user.username, user.full_name, labels.role(user.role), last)):
                self.table.setItem(row, column, QTableWidgetItem(text))

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
            return
        except ServiceError as error:
            self.message.setText(labels.service_error(error.code))
            return
        for field in (self.username, self.full_name, self.password, self.repeated):
            field.clear()
        self.message.setText(translate("Accounts", "Account %1 added.").replace("%1", actor.user_name))
        self.reload()
