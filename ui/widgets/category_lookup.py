"""Type-ahead for the category box: a category is found by its code or by any word of its label.

A plain combo box finds an item only by the start of its text ("MED · Gawat darurat medis"), so a
call-taker had to know the code. Here what is typed ("gawat", "kebakaran", "fire", "pohon tumb")
goes to ``dispatch.domain.catalogue.search_categories`` and the best match is chosen at once (the
combo box's own change signal then saves it, as a choice from the list would). Typing pauses for
``RESET_MS`` start a new search; Backspace takes back the last letter; Escape forgets what was typed.
The same works inside the open list, where Enter then takes the match.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox

from dispatch.domain.catalogue import Catalogue, Category, search_categories

#: A pause longer than this starts a new search (call-takers type while they listen).
RESET_MS = 1200


class CategoryLookup(QObject):
    """Installed on a combo box whose items carry category codes as their data."""

    def __init__(self, combo: QComboBox, catalogue: Catalogue, lang: str) -> None:
        super().__init__(combo)
        self._combo = combo
        self._catalogue = catalogue
        self._lang = lang
        self.typed = ""
        #: What the last search found, best first (empty when nothing matched).
        self.matches: list[Category] = []
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(max(RESET_MS, QApplication.keyboardInputInterval()))
        self._reset.timeout.connect(self.forget)
        combo.installEventFilter(self)
        combo.view().installEventFilter(self)

    def forget(self) -> None:
        self.typed = ""
        self._reset.stop()

    def type_text(self, text: str) -> list[Category]:
        """Add ``text`` to what was typed and choose the best match; returns what was found."""
        self.typed += text
        self._reset.start()
        return self._search(in_list=self._combo.view().isVisible())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        in_list = watched is not self._combo
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.forget()
            return False
        if key == Qt.Key.Key_Backspace and self.typed:
            self.typed = self.typed[:-1]
            self._reset.start()
            self._search(in_list)
            return True
        text = event.text()
        # A space only inside a search ("pohon tumbang"); on its own it opens the list as before.
        if text and text.isprintable() and (self.typed or not text.isspace()):
            self.typed += text
            self._reset.start()
            self._search(in_list)
            return True
        return False

    def _search(self, in_list: bool) -> list[Category]:
        self.matches = search_categories(self._catalogue, self.typed, self._lang)
        if self.matches and self.typed.strip():
            row = self._combo.findData(self.matches[0].code)
            if row >= 0:
                if in_list:
                    self._combo.view().setCurrentIndex(self._combo.model().index(row, 0))
                else:
                    self._combo.setCurrentIndex(row)
        return self.matches
