"""Filling a drop-down list of choices without announcing it as the user's choice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


def fill_choices(combo: QComboBox, items: Sequence[tuple[str, object]], keep: object = None) -> None:
    """(words, value) items; the value ``keep`` stays chosen when it is still there, else the first.

    Signals are held while filling: refilling is not a choice the user made.
    """
    combo.blockSignals(True)
    combo.clear()
    for words, value in items:
        combo.addItem(words, value)
    index = combo.findData(keep) if keep is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)
