"""The message shown when a database cannot be used. The file itself is never touched."""

from __future__ import annotations

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
    }[refused.reason]
    untouched = translate("Refusal", "The console did not change the file.")
    return f"{what}\n\n{refused.location}\n{refused.detail}\n\n{untouched}"
