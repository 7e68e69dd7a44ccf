"""The boards' tables: how they are made, and how their columns are sized to their contents.

A column is as wide as its widest cell, up to a share of the board (a long value is elided in the
middle and shown whole in its tooltip), so the boards fit at 1366x768 without scrolling sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

# Rows measured when sizing columns to their contents, those on screen first (bounds the cost of a
# long queue: with 200 calls, sizing took 90-240 ms of a busy centre console's window every 2 s,
# bench/bench_centre.py; rows that change later widen their columns, widen_columns).
FIT_PRECISION = 20
# The widest a column may grow to, as a share of the board's width (the last one stretches).
MAX_COLUMN_SHARE = 0.45


def board_table(name: str, model: QAbstractItemModel | None = None) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    # Sized to their contents after each refresh (fit_columns), never on the one-second timer
    # ticks: ResizeToContents re-measures every cell at every repaint of a ring timer.
    # A column's width is measured over rows: the vertical header's precision is the one that counts
    # (the horizontal header's bounds the columns measured for a row's height).
    view.verticalHeader().setResizeContentsPrecision(FIT_PRECISION)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    # "2026-000123" keeps both ends when a column is narrow; the whole value is in the tooltip.
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.viewport().installEventFilter(_Refit(view))
    return view


class ElideRightDelegate(QStyledItemDelegate):
    """A column of words whose start says the most (``⚠ NOT ACKNOWLEDGED: …``): cut at its end, where
    the board cuts numbers in the middle to keep both ends."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight


#: A column is squeezed (its value elided in the middle) only down to this, or its own width when
#: that is less: a state, a time or a phone number stays whole.
MIN_COLUMN = 130
#: The narrowest an "elidable" column (a name, a carrier, a place) is squeezed to: some 9 letters.
MIN_ELIDED = 72


def squeeze_columns(view: QTableView) -> None:
    """Fit the board's columns into its width, so that it does not scroll sideways at 1366x768 (a
    call-taker's calls board is a third of the screen).

    The widest columns give up width first (elided in the middle, whole in the tooltip), down to
    their floors: their contents or MIN_COLUMN, MIN_ELIDED for the columns the view names in its
    "elidable" property. When even the floors do not fit, the columns the view names in its
    "dropOrder" property are hidden, in that order (what the caller panel or the incident form
    shows anyway), and shown again when the board is wide enough.
    """
    header = view.horizontalHeader()
    count = header.count()
    if count < 2:
        return
    room = view.viewport().width()
    # A column's floor is its contents' width up to its limit, as measured when the columns were
    # last fitted (measuring again here read every cell of 2,000 units: reload_all took 180 ms
    # instead of 70); a column left narrower than that is given it back.
    measured = view.property("contentWidths") or []
    elidable = view.property("elidable") or []
    current = [header.sectionSize(column) for column in range(count)]
    # No column is narrower than the header allows (an empty column measured 7 px left the board
    # scrolling sideways by the difference).
    floors = [
        max(
            header.minimumSectionSize(),
            min(
                measured[column] if column < len(measured) else current[column],
                MIN_ELIDED if column in elidable else MIN_COLUMN,
            ),
        )
        for column in range(count)
    ]
    shown = list(range(count))
    for column in view.property("dropOrder") or []:
        if sum(floors[c] for c in shown) <= room:
            break
        shown.remove(column)
    # The last shown column stretches over what is left, but no narrower than its own floor.
    last_floor = max(floors[shown[-1]], header.minimumSectionSize())
    for column in range(count):
        hide = column not in shown
        if header.isSectionHidden(column) != hide:
            header.setSectionHidden(column, hide)
    fitted = shown[:-1]  # the last shown column stretches over what is left
    # From the contents' widths each time, so that a board made wider gives its columns back.
    wanted = [measured[c] if c < len(measured) else current[c] for c in range(count)]
    sizes = {column: max(wanted[column], floors[column]) for column in fitted}
    excess = sum(sizes.values()) + last_floor - room
    while excess > 0:
        shrinkable = [column for column in fitted if sizes[column] > floors[column]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda column: sizes[column])
        # Down to the next narrower column at most, so that the widest give way in turn.
        narrower = [sizes[c] for c in shrinkable if sizes[c] < sizes[widest]]
        target = max(floors[widest], max(narrower, default=floors[widest]), sizes[widest] - excess)
        excess -= sizes[widest] - target
        sizes[widest] = target
    for column, size in sizes.items():
        if header.sectionSize(column) != size:
            header.resizeSection(column, size)
    # The stretched last column shrinks no further than the size it was last given (100 px by
    # default): given its floor, it fills what is left and no more.
    if header.stretchLastSection() and header.sectionSize(shown[-1]) > max(
        room - sum(sizes.values()), last_floor
    ):
        header.resizeSection(shown[-1], last_floor)


class _Refit(QObject):
    """Squeezes the columns again when the board is resized (a dock dragged narrower)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            view = watched.parent()
            if isinstance(view, QTableView):
                squeeze_columns(view)
        return False


def _cap(view: QTableView) -> int:
    return max(120, int(view.viewport().width() * MAX_COLUMN_SHARE))


def fit_columns(view: QTableView) -> None:
    """Size every column but the last (which stretches) to its contents, once, up to its cap.

    Columns named in the view's ``keepWidth`` property (a list of numbers) keep their set width.
    """
    header = view.horizontalHeader()
    keep = view.property("keepWidth") or []
    cap = _cap(view)
    widths = []
    for column in range(header.count() - 1):
        if column not in keep:
            view.resizeColumnToContents(column)
            if header.sectionSize(column) > cap:
                header.resizeSection(column, cap)
        widths.append(header.sectionSize(column))
    if view.property("elidable") is not None:
        # A board that squeezes also needs its last column's contents (a stretched column's size
        # says nothing of them): measured only there, not on the 2,000-unit board.
        widths.append(min(max(view.sizeHintForColumn(header.count() - 1), 0), cap))
    view.setProperty("contentWidths", widths)
    squeeze_columns(view)


def visible_rows(view: QTableView) -> tuple[int, int]:
    """The first and last rows a table shows (first > last when it shows none)."""
    first = view.rowAt(0)
    if first < 0:
        return 0, -1
    last = view.rowAt(view.viewport().height() - 1)
    return first, view.model().rowCount() - 1 if last < 0 else last


def widen_columns(view: QTableView, rows: list[int]) -> None:
    """Widen the columns (but the last, and those in ``keepWidth``) that these rows overflow."""
    header = view.horizontalHeader()
    keep = view.property("keepWidth") or []
    model = view.model()
    cap = _cap(view)
    widened = False
    for column in range(header.count() - 1):
        if column in keep:
            continue
        wanted = max((view.sizeHintForIndex(model.index(row, column)).width() for row in rows), default=0)
        # + the grid line, as sizeHintForColumn counts it (without it "2026-000002" lost a pixel
        # and was elided to "2026…0002").
        wanted = min(wanted + (1 if view.showGrid() else 0), cap)
        measured = list(view.property("contentWidths") or [])
        known = measured[column] if column < len(measured) else header.sectionSize(column)
        if wanted > known:  # wider than its contents were: a squeezed column is not widened again
            header.resizeSection(column, wanted)
            if column < len(measured):
                measured[column] = wanted
                view.setProperty("contentWidths", measured)
            widened = True
    if widened:
        squeeze_columns(view)  # a wider value may not push the board into scrolling sideways
