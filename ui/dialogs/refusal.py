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
    if refused.reason is RefusalReason.UPGRADE_FAILED:
        return f"{what}\n\n{refused.location}\n{refused.detail}"
    untouched = translate("Refusal", "The console did not change the file.")
    if refused.reason in (RefusalReason.LIVE_IN_TRAINING, RefusalReason.TRAINING_IN_LIVE):
        # The sentence says which kind the file is; the detail ("live database (recorded)") is the
        # log's, in English: in the Indonesian dialog it read as a leftover.
        return f"{what}\n\n{refused.location}\n\n{untouched}"
    return f"{what}\n\n{refused.location}\n{refused.detail}\n\n{untouched}"


def startup_failure_text(error: BaseException) -> str:
    """Any other failure while starting: what happened, in one line, for the installer."""
    what = translate(
        "Refusal", "The console could not start. Tell your supervisor or installer what it says below."
    )
    return f"{what}\n\n{type(error).__name__}: {error}"
