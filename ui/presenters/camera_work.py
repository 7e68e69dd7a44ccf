"""CCTV near the incident in the form (issue 16, Ctrl+J): the nearest cameras listed with their
distance in words, a camera's stream played in the dock, a still of it attached to the incident.

Follows the incident in the form (``IncidentWork.opened``) and the change notices (the camera
registry, the incident's position). The nearest cameras are read off the GUI thread
(``services.cameras.nearest_to_position``: the first read builds the grid of the registry), and
only while the dock is in sight; the still is encoded (PNG) and stored (``services.files.attach_still``)
off the GUI thread too, and its note comes into the narrative through the notes' change notice. The
stream stops when another incident is opened, when the dock goes out of sight, and on Esc.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, Signal
from PySide6.QtGui import QImage

from dispatch.services import cameras, files, queries
from dispatch.services.bus import Topic
from dispatch.services.camera_registry import CameraView
from dispatch.services.cameras import NEAREST_CAMERAS_MAX_M, CameraNear
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.distances import distance_words
from ui.presenters.incident_work import IncidentWork
from ui.presenters.parts import Presenter, WindowParts
from ui.presenters.reader import LatestReader
from ui.reveal import focus_visibly
from ui.timefmt import local_time
from ui.widgets.camera_dock import CameraPanel, PlayerState, StreamPlayer, multimedia_problem

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

#: Cameras listed for an incident.
CAMERAS_LISTED = 10


@dataclass(frozen=True)
class StillRequest:
    """A still to attach: the picture, the incident and camera it is of, the file's name."""

    image: QImage
    incident_id: int
    incident_number: str
    camera: CameraView
    name: str


def encode_still(image: QImage) -> tuple[bytes, str]:
    """The picture as PNG (lossless: what the camera showed), or JPEG when a PNG would be over the
    largest file attached (a 4K camera's picture); the bytes and their media type."""
    for form, media_type, quality in (("PNG", "image/png", -1), ("JPEG", "image/jpeg", 90)):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 takes the format as text at run time; its stubs say bytes.
        if not image.save(buffer, form, quality):  # type: ignore[call-overload]
            raise ValueError(f"the picture could not be saved as {form}")
        buffer.close()
        content = bytes(data.data())
        if len(content) <= files.MAX_FILE_BYTES:
            return content, media_type
    return content, media_type  # refused by the service as too large, in words


def attach(ctx: ServiceContext, request: StillRequest) -> files.FileView:
    """Encode and attach the still (off the GUI thread)."""
    content, media_type = encode_still(request.image)
    extension = "png" if media_type == "image/png" else "jpg"
    return files.attach_still(
        ctx,
        request.incident_id,
        content=content,
        media_type=media_type,
        name=f"{request.name}.{extension}",
        camera_id=request.camera.id,
    )


class _StillWriter(QObject):
    """Stills attached one after another on a thread of their own (every one is written: unlike a
    read, a newer request does not make an older one out of date). Results arrive on the GUI thread."""

    done = Signal(object, object, object)  # request, FileView or None, error or None

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pending = 0
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="camera-still")

    def submit(self, request: StillRequest) -> None:
        self.pending += 1
        self._worker.submit(self._run, request)

    def _run(self, request: StillRequest) -> None:
        try:
            view = attach(self.ctx, request)
        except Exception as error:  # said in the dock
            if not isinstance(error, (ServiceError, DatabaseUnavailable)):
                log.exception("A still could not be attached")
            self.done.emit(request, None, error)
            return
        self.done.emit(request, view, None)

    def close(self) -> None:
        self._worker.shutdown(wait=True)


def short_hash(sha256: str) -> str:
    """The first 16 hex digits and an ellipsis: enough to compare by eye (the narrative's note and
    the file carry the whole hash), and short enough to wrap in a narrow dock."""
    return f"{sha256[:16]}…"


def camera_words(camera: CameraView) -> str:
    """ "Simpang Lima sisi barat (SMG-CCTV-0042)"."""
    return f"{camera.name} ({camera.code})" if camera.name else camera.code


class CameraWork(Presenter):
    def __init__(
        self, parts: WindowParts, incidents: IncidentWork, panel: CameraPanel, parent: QObject | None = None
    ) -> None:
        super().__init__(parts, parent)
        self.incidents = incidents
        self.panel = panel
        self.incident: IncidentView | None = None
        self.nearby: list[CameraNear] = []
        # The rows the list shows (camera id, distance, camera, owner).
        self._rows: list[tuple[int, str, str, str]] = []
        #: The camera whose stream is played (or was, its last picture still shown).
        self.playing: CameraView | None = None
        self.player: StreamPlayer | None = None
        #: How long a stream may show no picture before it is stopped (a test shortens it).
        self.no_picture_ms: int | None = None
        self._on_screen = False
        self._stale = True
        self._reader = LatestReader("camera-nearest", self)
        self._writer = _StillWriter(self.session.ctx, self)
        self._writer.done.connect(self._still_done)
        incidents.opened.connect(self.show_incident)
        parts.boards.applied.connect(self._after_changes)
        panel.play_requested.connect(self.play)
        panel.still_requested.connect(self.attach_still)
        panel.stop_requested.connect(self.stop)
        self.show_incident(None)

    @property
    def reading(self) -> bool:
        """The nearest cameras are being read."""
        return self._reader.busy

    @property
    def attaching(self) -> bool:
        """A still is being encoded and stored."""
        return self._writer.pending > 0

    # -- following the form ----------------------------------------------------------------------

    def show_incident(self, incident: IncidentView | None) -> None:
        if incident is None or self.incident is None or incident.id != self.incident.id:
            self.stop()
            self.panel.show_message("")
            self.nearby = []
            self._show_rows([])
        self.incident = incident
        self._stale = True
        self.refresh()

    def set_on_screen(self, shown: bool) -> None:
        """The dock came into sight (shown, or its tab chosen) or went out of it (the stream stops)."""
        self._on_screen = shown
        if shown:
            self._say_state()
            if self._stale:
                self.refresh()
        else:
            self.stop()

    def refresh(self) -> None:
        """The nearest cameras read afresh (off the GUI thread) when the dock is in sight."""
        incident = self.incident
        if incident is None:
            self.panel.show_heading(
                translate("CameraDock", "No incident open: open one to see the cameras near it.")
            )
            self._show_rows([])
            return
        if not self._on_screen:
            self._stale = True
            return
        self._stale = False
        if incident.placed is None:
            self._no_position(incident)
        elif not self.nearby:
            self.panel.show_heading(
                translate("CameraDock", "Cameras near %1: looking…").replace("%1", incident.number)
            )
        ctx, incident_id = self.session.ctx, incident.id
        self._reader.request(
            lambda: _incident_and_cameras(ctx, incident_id),
            self._read,
            self._read_failed,
        )

    def _read(self, result: object) -> None:
        assert isinstance(result, tuple)
        fresh, nearby = result
        if self.incident is None or fresh is None or fresh.id != self.incident.id:
            return
        self.incident = fresh
        self.nearby = list(nearby)
        if fresh.placed is None:
            self._no_position(fresh)
            return
        self.panel.show_heading(self._heading(fresh))
        rows = [
            (near.camera.id, distance_words(near.distance_m), camera_words(near.camera), near.camera.owner)
            for near in self.nearby
        ]
        # The same list again (the incident changed elsewhere than its position): left as it is, the
        # keyboard where it was.
        if rows != self._rows:
            keep = self.playing.id if self.playing is not None else self.panel.cameras.current_camera()
            self._show_rows(rows, keep)

    def _show_rows(self, rows: list[tuple[int, str, str, str]], keep: int | None = None) -> None:
        self._rows = rows
        self.panel.show_cameras(rows, keep)

    def _no_position(self, incident: IncidentView) -> None:
        self.panel.show_heading(
            translate(
                "CameraDock",
                "%1 has no position yet: type its coordinates, pick its kelurahan or use the handset's "
                "position, and the cameras near it are listed.",
            ).replace("%1", incident.number)
        )
        self._show_rows([])

    def _read_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailable):
            words = translate("CameraDock", "The cameras were not read: the database is not answering.")
        else:
            words = translate("CameraDock", "The cameras could not be read: %1").replace("%1", str(error))
        self.panel.show_heading(words)
        self._stale = True

    def _heading(self, incident: IncidentView) -> str:
        placed = incident.placed
        if not self.nearby:
            return (
                translate("CameraDock", "No camera within %1 of %2.")
                .replace("%1", distance_words(NEAREST_CAMERAS_MAX_M))
                .replace("%2", incident.number)
            )
        where = incident.location_summary
        text = (
            translate("CameraDock", "Cameras nearest to %1 (%2):")
            .replace("%1", incident.number)
            .replace("%2", where)
            if where
            else translate("CameraDock", "Cameras nearest to %1:").replace("%1", incident.number)
        )
        if placed is not None and placed.approximate:
            place = placed.place or labels.position_source(placed.source)
            text += " " + translate(
                "CameraDock", "The position is the centre of %1: the distances are rough."
            ).replace("%1", place)
        return text

    def _after_changes(
        self, topics: set[Topic], touched: set[int], ids: dict[Topic, set[int] | None]
    ) -> None:
        incident = self.incident
        if incident is None:
            return
        if Topic.DIRECTORY in topics or ids.get(Topic.INCIDENTS, set()) is None:
            self.refresh()
        elif incident.id in touched:
            # A note or a unit changes neither the cameras nor the heading: only where it is does
            # (the form's copy is read afresh before this, IncidentWork hearing the notices first).
            shown = self.incidents.shown
            if shown is None or shown.id != incident.id or _where(shown) != _where(incident):
                self.refresh()

    # -- the stream ----------------------------------------------------------------------------------

    def _camera(self, camera_id: int) -> CameraView | None:
        return next((near.camera for near in self.nearby if near.camera.id == camera_id), None)

    def play(self, camera_id: int) -> None:
        """Enter: the camera's stream into the dock (the player connects on its own threads)."""
        camera = self._camera(camera_id)
        if camera is None:
            return
        problem = multimedia_problem()
        if problem:
            self.panel.show_state(self._no_multimedia(problem))
            return
        if self.player is None:
            self.player = StreamPlayer(self.panel.video, self)
            self.player.changed.connect(self._player_changed)
        if self.no_picture_ms is not None:
            self.player.no_picture_ms = self.no_picture_ms
        self.playing = camera
        self.panel.show_message("")
        self.player.play(camera.stream_url)
        self.panel.reveal_picture()

    def stop(self) -> None:
        """Esc: the stream stops; its last picture stays shown."""
        if self.player is not None:
            self.player.stop()

    def _player_changed(self, state: PlayerState, detail: str) -> None:
        self._say_state(state, detail)

    def _say_state(self, state: PlayerState | None = None, detail: str = "") -> None:
        problem = multimedia_problem(load=False)
        if problem:
            self.panel.show_state(self._no_multimedia(problem))
            return
        if state is None:
            state = self.player.state if self.player is not None else PlayerState.IDLE
        camera = self.playing
        name = camera_words(camera) if camera is not None else ""
        seconds = str(round((self.player.no_picture_ms if self.player else 0) / 1000))
        words = {
            PlayerState.IDLE: translate("CameraDock", "Choose a camera and press Enter to play its stream."),
            PlayerState.CONNECTING: translate("CameraDock", "Connecting to %1…"),
            PlayerState.PLAYING: translate(
                "CameraDock", "Playing %1, live. S attaches a still of this picture to %2."
            ),
            PlayerState.NO_PICTURE: translate(
                "CameraDock", "%1 does not answer: no picture after %3 s. Stopped; Enter tries again."
            ),
            PlayerState.STALLED: translate(
                "CameraDock",
                "The picture from %1 stopped: nothing new for %3 s. The last picture stays; Enter tries "
                "again.",
            ),
            PlayerState.FAILED: self._failure_words(detail),
            PlayerState.ENDED: translate("CameraDock", "The stream of %1 ended. Enter plays it again."),
            PlayerState.STOPPED: translate("CameraDock", "Stopped. Enter plays the camera chosen."),
        }[state]
        number = self.incident.number if self.incident is not None else ""
        address = camera.shown_url if camera is not None else ""
        self.panel.show_state(
            words.replace("%1", name).replace("%2", number).replace("%3", seconds).replace("%4", address)
        )

    @staticmethod
    def _failure_words(kind: str) -> str:
        return {
            "resource": translate(
                "CameraDock",
                "The stream of %1 could not be opened: the camera refused the connection, is switched off, "
                "or its address is wrong (%4).",
            ),
            "network": translate("CameraDock", "The network to %1 broke off. Enter tries again."),
            "format": translate("CameraDock", "%1 sends a stream this console cannot play (%4)."),
            "access": translate(
                "CameraDock", "%1 refused access: check the user name and password in its address."
            ),
        }.get(kind, translate("CameraDock", "%1 could not be played (%4)."))

    @staticmethod
    def _no_multimedia(problem: str) -> str:
        return translate(
            "CameraDock",
            "Streams cannot be played on this console: Qt Multimedia could not be loaded (%1). On Debian, "
            "install the package libpulse0 (docs/installing.md). The cameras are still listed.",
        ).replace("%1", problem)

    # -- the still -------------------------------------------------------------------------------------

    def attach_still(self) -> None:
        """S: the picture shown, attached to the incident in the form with its SHA-256 in a note."""
        incident, camera = self.incident, self.playing
        image = self.player.still() if self.player is not None else None
        if incident is None:
            self.panel.show_message(translate("CameraDock", "No incident open to attach the still to."))
            return
        if image is None or camera is None:
            self.panel.show_message(
                translate("CameraDock", "No picture to attach: play a camera first (Enter).")
            )
            return
        at = local_time(self.session.ctx.clock.now(), self.session.zone).replace(":", "")
        name = f"still-{incident.number}-{camera.code}-{at}"
        self.panel.show_message(
            translate("CameraDock", "Attaching the still to %1…").replace("%1", incident.number)
        )
        self._writer.submit(StillRequest(image, incident.id, incident.number, camera, name))

    def _still_done(
        self, request: StillRequest, view: files.FileView | None, error: BaseException | None
    ) -> None:
        self._writer.pending -= 1
        if view is not None:
            words = (
                translate("CameraDock", "Still from %1 attached to %2 at %3 (SHA-256 %4).")
                .replace("%1", camera_words(request.camera))
                .replace("%2", request.incident_number)
                .replace("%3", local_time(view.at, self.session.zone))
                .replace("%4", short_hash(view.sha256))
            )
            self.panel.show_message(words)
            self.status.show_message(words)
            return
        if isinstance(error, ServiceError):
            reason = labels.service_error(error.code)
        elif isinstance(error, DatabaseUnavailable):
            reason = translate("CameraDock", "the database is not answering; press S again")
        else:
            reason = str(error)
        self.panel.show_message(
            translate("CameraDock", "The still was not attached to %1: %2")
            .replace("%1", request.incident_number)
            .replace("%2", reason)
        )

    # -- keys and closing ------------------------------------------------------------------------------

    def focus(self) -> None:
        """Ctrl+J: the dock up with the keyboard on the nearest camera."""
        self.set_on_screen(True)
        focus_visibly(self.panel.cameras)

    def close(self) -> None:
        if self.player is not None:
            self.player.close()
        self._reader.close()
        self._writer.close()


def _incident_and_cameras(
    ctx: ServiceContext, incident_id: int
) -> tuple[IncidentView | None, list[CameraNear]]:
    """The incident as it is now and the cameras nearest its best position (one read of it)."""
    fresh = queries.incident(ctx, incident_id)
    return fresh, cameras.nearest_to_position(ctx, None if fresh is None else fresh.placed, CAMERAS_LISTED)


def _where(incident: IncidentView) -> tuple[object, ...]:
    """What the dock shows of the incident: its best position and the address in its heading."""
    return incident.placed, incident.location_summary, incident.number
