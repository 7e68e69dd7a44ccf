"""The message shown when a database cannot be used. The file itself is never touched."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from dispatch.store.database import DatabaseRefused, RefusalReason

translate = QCoreApplication.translate


def refusal_text(refused: DatabaseRefused) -> str:
    what = {
        RefusalReason.NOT_A_DATABASE: translate("Refusal", "This file is not a database of this console."),
        RefusalReason.CORRUPT: translate(
            "Refusal",
            "This database is damaged. Restore it from the last backup; ask your installer for help.",
        ),
        RefusalReason.FOREIGN: translate(
            "Refusal",
            "This database belongs to another program (it has none of this console's version records).",
        ),
        RefusalReason.NEWER: translate(
            "Refusal",
            "This database was written by a newer version of the console. Install that version to use it.",
        ),
        RefusalReason.UNREACHABLE: translate("Refusal", "The database cannot be opened."),
        RefusalReason.LIVE_IN_TRAINING: translate(
            "Refusal",
            "This is a live database and the console is starting in training mode. Training never "
            "touches live data: start without --simulator (with the centre's feeds), or use the "
            "training database.",
        ),
        RefusalReason.TRAINING_IN_LIVE: translate(
            "Refusal",
            "This is a training database and the console is starting live (feeds configured or "
            "--live). Calls of a live centre are never mixed with exercises: use the live database, "
            "or start with --simulator.",
        ),
        RefusalReason.UPGRADE_FAILED: translate(
            "Refusal",
            "Upgrading this database failed. It is left at the version it had before the failing "
            "step and will be upgraded again at the next start; the copy taken before is named below.",
        ),
        RefusalReason.NOT_MIGRATED: translate(
            "Refusal",
            "This database must first be upgraded for this version of the console, and the console's "
            "own database account may not do that. Ask your installer to run the command below with "
            "the database owner's account.",
        ),
    }[refused.reason]
    detail = detail_text(refused)
    if refused.reason is RefusalReason.UPGRADE_FAILED:
        return f"{what}\n\n{refused.location}\n{detail}"
    untouched = translate("Refusal", "The console did not change the file.")
    if refused.reason in (RefusalReason.LIVE_IN_TRAINING, RefusalReason.TRAINING_IN_LIVE):
        # The sentence says which kind the file is; the detail ("live database (recorded)") is the
        # log's, in English: in the Indonesian dialog it read as a leftover.
        return f"{what}\n\n{refused.location}\n\n{untouched}"
    if not detail:
        return f"{what}\n\n{refused.location}\n\n{untouched}"
    return f"{what}\n\n{refused.location}\n{detail}\n\n{untouched}"


def detail_text(refused: DatabaseRefused) -> str:
    """The store's detail (English, for the log) in the user's language.

    The store's own phrases are worded here; the database driver's or the system's message (a
    permission, a connection refused) cannot be, and is shown as such, for the installer.
    """
    detail = refused.detail.strip()
    if not detail:
        return ""
    fixed = {
        "no SQLite header": translate("Refusal", "It does not begin as an SQLite database file does."),
        "a link to nothing": translate("Refusal", "It is a link to a file that does not exist."),
        "is a directory": translate("Refusal", "It is a folder, not a file."),
        "not a regular file": translate("Refusal", "It is not an ordinary file."),
        "header is truncated": translate("Refusal", "Its first page is cut short."),
        "file is shorter than its header says": translate(
            "Refusal", "The file is shorter than its first page says: part of it is missing."
        ),
    }
    if detail in fixed:
        return fixed[detail]
    for pattern, words in _detail_patterns():
        found = re.fullmatch(pattern, detail, re.DOTALL)
        if found is not None:
            return _fill(words, found.groups())
    if refused.reason is RefusalReason.NEWER:
        return translate("Refusal", "Database version: %1.").replace("%1", detail)
    if refused.reason is RefusalReason.FOREIGN:
        return translate("Refusal", "Tables found: %1.").replace("%1", detail)
    return translate("Refusal", "The system's message, for the installer: %1").replace("%1", detail)


def _detail_patterns() -> list[tuple[str, str]]:
    """The store's details that carry values (dispatch/store/database.py), and their words."""
    return [
        (
            r"impossible page size (\d+)",
            translate("Refusal", "Its first page gives an impossible page size (%1)."),
        ),
        (
            r"application_id (\S+) is another program's",
            translate("Refusal", "Its application mark %1 is another program's."),
        ),
        (
            r"revision (\S+) without this console's mark",
            translate("Refusal", "Version %1, but without this console's mark."),
        ),
        (
            r"revision (\S+) with a mark",
            translate("Refusal", "Version %1 carries a mark that version never had."),
        ),
        (
            r"revision (\S+) but tables differ: (.*)",
            translate("Refusal", "Version %1, but its tables differ: %2."),
        ),
        (r"revision (\S+); tables (.*)", translate("Refusal", "Version %1; tables: %2.")),
        (
            r"left at revision (\S+): (.*); copy taken before the upgrade: (.*)",
            translate("Refusal", "Left at version %1. The system's message: %2\nCopy taken before: %3"),
        ),
        (
            r"left at revision (\S+): (.*)",
            translate("Refusal", "Left at version %1. The system's message: %2"),
        ),
        (
            r"revision (\S+), this console needs (\S+): (.*)",
            translate("Refusal", "Database version %1; this console needs %2. Command: %3"),
        ),
    ]


def startup_failure_text(error: BaseException) -> str:
    """Any other failure while starting: what happened, in one line, for the installer."""
    what = translate(
        "Refusal", "The console could not start. Tell your supervisor or installer what it says below."
    )
    return f"{what}\n\n{type(error).__name__}: {error}"


def _fill(words: str, values: tuple[str, ...]) -> str:
    """``%1``, ``%2``... in one pass: a value that holds "%2" is not filled in again."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], words)
