"""Shifts change at the console: change of user and log-out, without quitting.

Both ask the same login dialog the start asks (``ui.dialogs.accounts.LoginDialog``), and both end in
``ConsoleSession.set_actor``, which emits ``session.user_changed`` (the new ``Actor``): the window
refreshes from it what depends on the user and the role (the status line's user, menus and actions
the role may use, the accounts and settings it may open).

Each log-in records the position the window is arranged in (``ConsoleSession.position``) with the
user, the console and the duty shift open at the time.

- ``change_user``: the next user logs in over the current one. One transaction
  (``accounts.change_user``): the old user's shift ends (``user.logout``, naming who took over) and
  the new user's begins (``user.login``). Cancel, or a refused password, keeps the old user.
- ``log_out``: the user's shift ends (``user.logout``) and the console stays at the login prompt,
  locked (no Cancel, no Escape), until someone logs in, or Quit is chosen.

Calls keep ringing into the queue and timers keep running meanwhile: the feeds and the timer watch
act as the system, not as the user. Asking first while an incident is open is the window's part.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from dispatch.services import accounts
from ui.dialogs.accounts import LoginDialog
from ui.session import NO_ONE, ConsoleSession


def change_user(parent: QWidget | None, session: ConsoleSession) -> bool:
    """Ask for the next user; True when one logged in (the session acts as them from now on)."""
    ctx = session.ctx
    dialog = LoginDialog(
        ctx,
        parent,
        log_in=lambda username, password: accounts.change_user(
            ctx, username, password, position=session.position
        ),
        replacing=ctx.actor,
    )
    dialog.setObjectName("changeUserDialog")
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        session.set_actor(dialog.actor)
        return True
    finally:
        dialog.deleteLater()


def log_out(parent: QWidget | None, session: ConsoleSession) -> bool:
    """Log the user out and keep the console locked at the login prompt.

    True when someone has logged in again (the session acts as them); False when Quit was chosen at
    the prompt: no one is logged in, and the caller closes the window (the console quits).
    A database that does not answer raises ``DatabaseUnavailable`` before anything changes: the user
    stays logged in and the fault bar says so.
    """
    accounts.log_out(session.ctx)
    session.set_actor(NO_ONE)
    return unlock(parent, session)


def unlock(parent: QWidget | None, session: ConsoleSession) -> bool:
    """The locked console's login prompt, until someone logs in (True) or Quit is chosen (False)."""
    ctx = session.ctx
    dialog = LoginDialog(
        ctx,
        parent,
        locked=True,
        log_in=lambda username, password: accounts.log_in(ctx, username, password, position=session.position),
    )
    dialog.setObjectName("lockedLoginDialog")
    try:
        dialog.exec()
        if dialog.actor is None:
            return False
        session.set_actor(dialog.actor)
        return True
    finally:
        dialog.deleteLater()
