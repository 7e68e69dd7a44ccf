"""The camera dock's widgets: the cameras nearest to the incident in the form, the stream of the one
chosen, and what the player is doing, in words.

A thin widget: it shows what :class:`ui.presenters.camera_work.CameraWork` gives it and says which
key was pressed. :class:`StreamPlayer` plays a camera's stream (Qt Multimedia: ``QMediaPlayer`` into
a ``QVideoSink``, whatever its FFmpeg backend opens: MJPEG or HLS over HTTP(S), RTSP) and paints its
frames in a :class:`VideoView` (a plain widget: it draws offscreen, under X and on Wayland alike).
The network is the player's own threads': nothing here waits for a camera. A camera that shows no
picture within ``no_picture_ms`` (or stops showing one) is stopped and said so.

Qt Multimedia is imported when the first stream is played (:func:`multimedia_problem`): a console
whose system lacks what it loads (on Debian, ``libpulse0``) lists the cameras and says in words why
it cannot play them, instead of failing to start.

Keys (listed in ``ui/actions.py``, scope "cameras"): Up/Down choose a camera, Enter plays its stream,
S attaches a still of the picture shown to the incident, Esc stops the stream.
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QLoggingCategory,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame

translate = QCoreApplication.translate

#: The dock's object name (``ui.positions.CAMERA``: the window's arrangement is keyed by it).
DOCK_NAME = "cameraDock"
CameraIdRole = Qt.ItemDataRole.UserRole + 30
#: A stream that shows no picture for this long is stopped and said so.
NO_PICTURE_MS = 10_000
#: The picture is painted at most this often (a camera sends 25 frames a second; seeing 12 is enough to
#: verify a report, and each frame is converted to an image on the GUI thread).
PAINT_EVERY_MS = 80

_multimedia: Any = None
_multimedia_problem: str | None = None


def multimedia_problem(load: bool = True) -> str:
    """Why Qt Multimedia cannot be used (the import's error, as Python gave it); empty when it can.

    Imported on first use (``load``; False: only what an earlier attempt found), so that a console
    whose operators never play a stream never loads it. Its loader's warnings about optional
    libraries it looks for (PipeWire, VA-API hardware decoding) are left out of the console's log.
    """
    global _multimedia, _multimedia_problem
    if _multimedia_problem is None and load:
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false")
        try:
            _multimedia = importlib.import_module("PySide6.QtMultimedia")
            _multimedia_problem = ""
        except ImportError as error:  # a missing system library (libpulse0) or module
            _multimedia_problem = str(error) or type(error).__name__
    return _multimedia_problem or ""


class PlayerState(Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    PLAYING = "playing"
    #: No picture within ``no_picture_ms`` of starting (the camera does not answer); stopped.
    NO_PICTURE = "no_picture"
    #: Pictures came, then none for ``no_picture_ms``; stopped, the last picture kept.
    STALLED = "stalled"
    #: The player's error (``detail``: the kind of error, see ``StreamPlayer.error_kind``); stopped.
    FAILED = "failed"
    ENDED = "ended"
    STOPPED = "stopped"


class _FittedScroll(QScrollArea):
    """Scrolls its widget only when the dock is shorter than the widget's minimum; otherwise the
    widget fills it exactly (a resizable scroll area grows its widget to the size hints, the
    picture's 480x270 and a list of ten, which scrolled even a full-height dock)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        inner = self.widget()
        if inner is None:
            return
        room = self.viewport().size()
        # The layout's minimum counts a wrapped label as one line: add what its words need at this width.
        needed = inner.minimumSizeHint().height()
        for label in inner.findChildren(QLabel):
            if label.wordWrap() and label.isVisibleTo(inner) and label.text():
                needed += max(0, label.heightForWidth(room.width() - 8) - label.minimumSizeHint().height())
        inner.resize(room.width(), max(room.height(), needed))


class VideoView(QWidget):
    """The latest picture of the stream, scaled into the widget with its proportions kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraVideo")
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image = QImage()

    def show_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def clear(self) -> None:
        self.image = QImage()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if not self.image.isNull():
            size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(self.rect().center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
        painter.end()


class StreamPlayer(QObject):
    """One stream at a time into a :class:`VideoView`. Signals: ``changed(object, str)``: the
    :class:`PlayerState` and a detail (for FAILED the kind of error, one of ``ERROR_KINDS``)."""

    changed = Signal(object, str)

    def __init__(self, view: VideoView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if multimedia_problem():
            raise RuntimeError(multimedia_problem())
        self.view = view
        self.state = PlayerState.IDLE
        self.url = ""
        self.no_picture_ms = NO_PICTURE_MS
        self._player = _multimedia.QMediaPlayer(self)
        self._sink = _multimedia.QVideoSink(self)
        self._player.setVideoSink(self._sink)
        self._latest: QVideoFrame | None = None
        self._sink.videoFrameChanged.connect(self._frame)
        self._player.errorOccurred.connect(self._error)
        self._player.mediaStatusChanged.connect(self._status)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._no_picture)
        self._painter = QTimer(self)
        self._painter.setSingleShot(True)
        self._painter.setInterval(PAINT_EVERY_MS)
        self._painter.timeout.connect(self._paint)

    def play(self, url: str) -> None:
        """Open ``url`` and play it (the player's threads connect; this returns at once)."""
        self._release()
        self.view.clear()
        self._latest = None
        self.url = url
        self._player.setSource(QUrl(url))
        self._player.play()
        self._watchdog.start(self.no_picture_ms)
        self._set(PlayerState.CONNECTING)

    def stop(self) -> None:
        """Stop the stream; the last picture stays shown."""
        if self.state in (PlayerState.CONNECTING, PlayerState.PLAYING):
            self._release()
            self._set(PlayerState.STOPPED)

    def close(self) -> None:
        self._release()
        self.state = PlayerState.IDLE

    def still(self) -> QImage | None:
        """The picture shown now, as an image of its own (None before the first picture)."""
        if self._latest is not None:
            image = self._latest.toImage()
            if not image.isNull():
                return image.copy()
        return None if self.view.image.isNull() else self.view.image.copy()

    # -- the player's news -----------------------------------------------------------------------------

    def _release(self) -> None:
        self._watchdog.stop()
        self._painter.stop()
        if self._latest is not None and self.view.image.isNull():
            self._paint()
        self._player.stop()
        # An empty source ends the FFmpeg backend's open attempt too (a camera that never answers).
        self._player.setSource(QUrl())

    def _set(self, state: PlayerState, detail: str = "") -> None:
        self.state = state
        self.changed.emit(state, detail)

    def _frame(self, frame: QVideoFrame) -> None:
        if self.state not in (PlayerState.CONNECTING, PlayerState.PLAYING) or not frame.isValid():
            return
        self._latest = frame
        self._watchdog.start(self.no_picture_ms)
        if not self._painter.isActive():
            self._painter.start()
        if self.state is PlayerState.CONNECTING:
            self._paint()
            self._set(PlayerState.PLAYING)

    def _paint(self) -> None:
        if self._latest is not None:
            image = self._latest.toImage()
            if not image.isNull():
                self.view.show_image(image)

    def _no_picture(self) -> None:
        state = PlayerState.STALLED if self.state is PlayerState.PLAYING else PlayerState.NO_PICTURE
        self._release()
        self._set(state)

    def _error(self, error: Any, _text: str) -> None:
        if self.state not in (PlayerState.CONNECTING, PlayerState.PLAYING):
            return
        self._release()
        self._set(PlayerState.FAILED, error_kind(error))

    def _status(self, status: Any) -> None:
        if self.state is PlayerState.PLAYING and status == _multimedia.QMediaPlayer.MediaStatus.EndOfMedia:
            self._release()
            self._set(PlayerState.ENDED)


#: The player's errors, as ``error_kind`` names them.
ERROR_KINDS = ("resource", "format", "network", "access", "other")


def error_kind(error: Any) -> str:
    """``QMediaPlayer.Error`` as one of ``ERROR_KINDS``."""
    errors = _multimedia.QMediaPlayer.Error
    return {
        errors.ResourceError: "resource",
        errors.FormatError: "format",
        errors.NetworkError: "network",
        errors.AccessDeniedError: "access",
    }.get(error, "other")


class CameraList(QTreeWidget):
    """The nearest cameras: distance, camera, owner. Signals: ``play(int)`` (Enter: the camera's id),
    ``still()`` (S), ``stop()`` (Esc)."""

    play = Signal(int)
    still = Signal()
    stop = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraList")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)
        self.setHeaderLabels(
            [
                translate("CameraDock", "Distance"),
                translate("CameraDock", "Camera"),
                translate("CameraDock", "Owner"),
            ]
        )
        # The camera takes the room left, elided in its middle so that its code (at the end) stays.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.setAccessibleName(translate("CameraDock", "Cameras nearest to the incident"))

    def current_camera(self) -> int | None:
        item = self.currentItem()
        value = None if item is None else item.data(0, CameraIdRole)
        return value if isinstance(value, int) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            camera_id = self.current_camera()
            if camera_id is not None:
                self.play.emit(camera_id)
            return
        if key == Qt.Key.Key_S and plain:
            self.still.emit()
            return
        if key == Qt.Key.Key_Escape and plain:
            self.stop.emit()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Letters are keys here (S attaches a still), not a search for a line starting with them."""

    def fit_owner(self) -> None:
        """The owner as wide as it needs, up to a quarter of the list (then elided; its tooltip has it):
        the camera comes first."""
        wanted = self.sizeHintForColumn(2) + 12
        self.setColumnWidth(2, max(60, min(wanted, self.viewport().width() // 4)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_owner()


class CameraPanel(QWidget):
    """The dock's contents. Signals: ``play_requested(int)``, ``still_requested()``,
    ``stop_requested()`` (the keys and buttons)."""

    play_requested = Signal(int)
    still_requested = Signal()
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.heading = QLabel()
        self.heading.setObjectName("cameraHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cameras = CameraList()
        self.video = VideoView()
        # What the player is doing, in words (never a colour alone).
        self.state_line = QLabel()
        self.state_line.setObjectName("cameraState")
        self.state_line.setWordWrap(True)
        self.state_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The last still attached, or why it was not.
        self.message = QLabel()
        self.message.setObjectName("cameraMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.play_button = QPushButton(translate("CameraDock", "Play (Enter)"))
        self.play_button.setObjectName("cameraPlay")
        self.still_button = QPushButton(translate("CameraDock", "Attach still (S)"))
        self.still_button.setObjectName("cameraStill")
        self.stop_button = QPushButton(translate("CameraDock", "Stop (Esc)"))
        self.stop_button.setObjectName("cameraStop")
        for button in (self.play_button, self.still_button, self.stop_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Play and stop on one row, the still under them: narrow enough for a quarter of 1366 pixels
        # in both languages.
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.play_button, 0, 0)
        buttons.addWidget(self.stop_button, 0, 1)
        buttons.addWidget(self.still_button, 1, 0, 1, 2)
        buttons.setColumnStretch(2, 1)
        # Wrapped to the dock's width, never widening it (a long address has no place to wrap).
        for label in (self.heading, self.state_line, self.message):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # In a short dock (the call-taker's, behind the incident board) the panel scrolls: squeezed
        # below what its parts need, the state line was drawn over the picture.
        inner = QWidget()
        inner.setObjectName("cameraPanelContents")
        scroll = _FittedScroll()
        scroll.setObjectName("cameraPanelScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.parts_scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.cameras, 2)
        layout.addWidget(self.video, 3)
        layout.addWidget(self.state_line)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.cameras.play.connect(self.play_requested)
        self.cameras.still.connect(self.still_requested)
        self.cameras.stop.connect(self.stop_requested)
        self.cameras.itemActivated.connect(self._activated)
        self.play_button.clicked.connect(self._play_current)
        self.still_button.clicked.connect(self.still_requested)
        self.stop_button.clicked.connect(self.stop_requested)

    def reveal_picture(self) -> None:
        """Scroll a short dock to the picture and what the player says (the list's end stays above)."""
        self.parts_scroll.ensureWidgetVisible(self.state_line, 0, 4)
        self.parts_scroll.ensureWidgetVisible(self.video, 0, 0)

    def show_heading(self, text: str) -> None:
        self.heading.setText(text)
        self.parts_scroll.fit()

    def show_cameras(self, rows: list[tuple[int, str, str, str]], keep: int | None = None) -> None:
        """(camera id, distance, camera, owner) rows, nearest first; ``keep``: the camera to stay on."""
        self.cameras.clear()
        chosen = None
        for camera_id, distance, camera, owner in rows:
            item = QTreeWidgetItem([distance, camera, owner])
            item.setData(0, CameraIdRole, camera_id)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(1, camera)
            item.setToolTip(2, owner)
            self.cameras.addTopLevelItem(item)
            if camera_id == keep:
                chosen = item
        current = chosen or self.cameras.topLevelItem(0)
        if current is not None:
            self.cameras.setCurrentItem(current)
        self.cameras.fit_owner()
        self.play_button.setEnabled(bool(rows))

    def show_state(self, text: str) -> None:
        self.state_line.setText(text)
        self.parts_scroll.fit()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.parts_scroll.fit()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        value = item.data(0, CameraIdRole)
        if isinstance(value, int):
            self.play_requested.emit(value)

    def _play_current(self) -> None:
        camera_id = self.cameras.current_camera()
        if camera_id is not None:
            self.play_requested.emit(camera_id)
