"""The camera dock in the real window, by keyboard: the nearest of 20,000 cameras to the incident in the
form with their distance in words, a stream played from a local MJPEG camera, a still of it attached
(its stored bytes hash to the SHA-256 in the narrative's note), and cameras that refuse the
connection or never answer said in words while the window goes on answering. Also a console whose
Qt Multimedia cannot be loaded: the dock says why, and the console runs."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.cameras import CameraSpec
from dispatch.domain.cameras_csv import write_camera_csv
from dispatch.domain.clock import ManualClock
from dispatch.domain.geo import distance_m
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import camera_registry, files, incidents, queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import IncidentView
from tests.ui.mjpeg_server import COLOURS, MjpegServer, SilentServer, refused_url
from ui.main_window import MainWindow
from ui.widgets.camera_dock import multimedia_problem

ROOT = Path(__file__).resolve().parents[2]
#: Where the incident is: Simpang Lima, Semarang.
HERE = (-6.9903, 110.4229)

#: What Qt Multimedia's FFmpeg backend says as it loads and plays here: libraries for hardware
#: decoding and PipeWire not found, no GPU (pictures converted on the CPU), a stream cut off.
MULTIMEDIA_NOISE = (
    r"^Couldn't (load|resolve) ",
    r"No RHI backend",
    r"^Demuxing failed",
    r"Could not open media",
    r"HW decoder",
)

pytestmark = [
    pytest.mark.skipif(bool(multimedia_problem()), reason="Qt Multimedia cannot be loaded here"),
    pytest.mark.qt_log_ignore(*MULTIMEDIA_NOISE),
]


def city(count: int) -> list[CameraSpec]:
    """``count`` RT/RW cameras over Kota Semarang, dense in the middle, none within 200 m of HERE."""
    rng = random.Random(16)
    specs = []
    while len(specs) < count:
        lat, lon = round(rng.gauss(-7.0, 0.035), 6), round(rng.gauss(110.42, 0.045), 6)
        if distance_m(lat, lon, *HERE) < 200:
            continue
        n = len(specs)
        specs.append(
            CameraSpec(
                f"SMG-RT-{n:06d}",
                f"RT {n % 17 + 1:02d} / RW {n % 13 + 1:02d}",
                "Diskominfo Kota Semarang",
                lat,
                lon,
                f"http://10.0.{n // 256 % 256}.{n % 256}:8080/mjpeg",
            )
        )
    return specs


def near_here(code: str, url: str, metres_north: float) -> CameraSpec:
    return CameraSpec(
        code,
        f"Simpang Lima {code[-1]}",
        "Dishub Kota Semarang",
        HERE[0] + metres_north / 111_195,
        HERE[1],
        url,
    )


def load(ctx: ServiceContext, specs: list[CameraSpec]) -> None:
    report = camera_registry.import_cameras(ctx, write_camera_csv(specs).encode("utf-8"))
    assert not report.rejected


def open_incident(qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext) -> IncidentView:
    """A call answered with F2 and its position typed (at Simpang Lima); the form shows it."""
    feed.ring()
    window.boards.apply_changes()
    qtbot.keyClick(window.call_view, Qt.Key.Key_F2)
    shown = window.incidents.shown
    assert shown is not None
    catalogue = load_default_catalogue()
    incidents.update_field(ctx, shown.id, "lat", HERE[0], catalogue)
    incidents.update_field(ctx, shown.id, "lon", HERE[1], catalogue)
    window.boards.apply_changes()
    return shown


def show_cameras(qtbot: QtBot, window: MainWindow, count: int) -> None:
    """Ctrl+J from the form: the dock in sight, the keyboard on the nearest camera."""
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    cameras = window.camera_panel.cameras
    qtbot.waitUntil(
        lambda: cameras.topLevelItemCount() == count and not window.camera_work.reading, timeout=10_000
    )
    assert window.docks["cameraDock"].isVisible()
    assert cameras.hasFocus()


def rows(window: MainWindow) -> list[tuple[str, str, str]]:
    cameras = window.camera_panel.cameras
    found = []
    for i in range(cameras.topLevelItemCount()):
        item = cameras.topLevelItem(i)
        assert item is not None
        found.append((item.text(0), item.text(1), item.text(2)))
    return found


def state(window: MainWindow) -> str:
    return window.camera_panel.state_line.text()


class Responsiveness:
    """The longest the GUI thread went without running a 10 ms timer (a frozen window shows here)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def test_the_nearest_of_20000_a_stream_played_and_a_still_attached(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, clock: ManualClock
) -> None:
    with MjpegServer(fps=20) as camera:
        # 20,000 cameras through the registry's import: one of them the local camera, 35 m north.
        load(ctx, [*city(19_999), near_here("SMG-CCTV-LOCAL", camera.url, 35.0)])
        incident = open_incident(qtbot, window, feed, ctx)
        show_cameras(qtbot, window, 10)
        every = sorted((distance_m(*HERE, c.lat, c.lon), c.code) for c in camera_registry.cameras(ctx))
        assert len(every) == 20_000
        shown = rows(window)
        assert [row[1].rsplit("(", 1)[1].rstrip(")") for row in shown] == [code for _, code in every[:10]]
        assert shown[0] == ("35 m", "Simpang Lima L (SMG-CCTV-LOCAL)", "Dishub Kota Semarang")
        assert all(row[0].endswith((" m", " km")) for row in shown)
        heading = window.camera_panel.heading.text()
        assert heading.startswith(f"Cameras nearest to {incident.number}")

        # Enter plays the nearest camera's stream from the local server.
        watch = Responsiveness()
        qtbot.keyClick(window.camera_panel.cameras, Qt.Key.Key_Return)
        assert state(window) == "Connecting to Simpang Lima L (SMG-CCTV-LOCAL)…"
        qtbot.waitUntil(lambda: state(window).startswith("Playing"), timeout=15_000)
        assert state(window) == (
            "Playing Simpang Lima L (SMG-CCTV-LOCAL), live. S attaches a still of this picture to "
            f"{incident.number}."
        )
        video = window.camera_panel.video
        qtbot.waitUntil(lambda: not video.image.isNull(), timeout=5_000)
        assert (video.image.width(), video.image.height()) == (camera.width, camera.height)
        sent = camera.frames_sent
        qtbot.waitUntil(lambda: camera.frames_sent >= sent + 5, timeout=5_000)
        assert watch.stop() < 1.0, "the window stopped answering while the stream played"

        # S attaches a still of the picture shown.
        qtbot.keyClick(window.camera_panel.cameras, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not window.camera_work.attaching, timeout=10_000)
        (attached,) = files.files_of(ctx, incident.id)
        content = files.file_content(ctx, attached.id)
        digest = hashlib.sha256(content).hexdigest()
        note = next(n for n in queries.incident_notes(ctx, incident.id) if n.id == attached.note_id)
        assert note.text == f"file.attached {attached.id} {digest} SMG-CCTV-LOCAL"
        assert attached.sha256 == digest
        assert (attached.media_type, attached.camera_code, attached.author) == (
            "image/png",
            "SMG-CCTV-LOCAL",
            "sari",
        )
        assert attached.name.startswith(f"still-{incident.number}-SMG-CCTV-LOCAL-")
        assert window.camera_panel.message.text().startswith(
            f"Still from Simpang Lima L (SMG-CCTV-LOCAL) attached to {incident.number} at "
        )
        assert f"(SHA-256 {digest[:16]}…)" in window.camera_panel.message.text()
        # The still is a picture the camera sent: its size, and one of its frames' colours.
        image = QImage.fromData(content, "PNG")
        assert (image.width(), image.height()) == (camera.width, camera.height)
        corner = QColor(image.pixel(5, 5))
        assert any(
            abs(corner.red() - c.red()) + abs(corner.green() - c.green()) + abs(corner.blue() - c.blue()) < 60
            for c in COLOURS
        ), corner.name()
        # The note is in the narrative, in words, with the hash.
        narrative = window.incident_panel.narrative
        qtbot.waitUntil(lambda: digest in narrative.toPlainText(), timeout=5_000)
        assert "Still from camera SMG-CCTV-LOCAL attached" in narrative.toPlainText()

        # Esc stops; the last picture stays.
        qtbot.keyClick(window.camera_panel.cameras, Qt.Key.Key_Escape)
        assert state(window) == "Stopped. Enter plays the camera chosen."
        assert not video.image.isNull()


def test_a_camera_that_refuses_or_never_answers_is_said_so(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    with SilentServer() as silent:
        load(
            ctx,
            [near_here("SMG-CCTV-OFF", refused_url(), 20.0), near_here("SMG-CCTV-HUNG", silent.url, 40.0)],
        )
        open_incident(qtbot, window, feed, ctx)
        show_cameras(qtbot, window, 2)
        window.camera_work.no_picture_ms = 1500
        watch = Responsiveness()
        # The connection refused: said in words, with the address (no password in it).
        qtbot.keyClick(window.camera_panel.cameras, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "could not be opened" in state(window), timeout=10_000)
        assert state(window).startswith(
            "The stream of Simpang Lima F (SMG-CCTV-OFF) could not be opened: the camera refused the "
            "connection, is switched off, or its address is wrong (http://127.0.0.1:"
        )
        # Nothing to attach.
        qtbot.keyClick(window.camera_panel.cameras, Qt.Key.Key_S)
        assert window.camera_panel.message.text() == "No picture to attach: play a camera first (Enter)."
        # A camera that takes the connection and sends nothing: stopped after the wait, said so.
        qtbot.keyClick(window.camera_panel.cameras, Qt.Key.Key_Down)
        qtbot.keyClick(window.camera_panel.cameras, Qt.Key.Key_Return)
        assert state(window) == "Connecting to Simpang Lima G (SMG-CCTV-HUNG)…"
        qtbot.waitUntil(lambda: "does not answer" in state(window), timeout=10_000)
        assert state(window) == (
            "Simpang Lima G (SMG-CCTV-HUNG) does not answer: no picture after 2 s. Stopped; Enter tries "
            "again."
        )
        assert silent.accepted, "the player did connect"
        assert watch.stop() < 1.0, "the window stopped answering while a camera did not"
    assert files.files_of(ctx, window.incidents.shown.id) == []  # type: ignore[union-attr]


def test_an_incident_without_a_position_lists_none(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext
) -> None:
    load(ctx, city(50))
    feed.ring()
    window.boards.apply_changes()
    qtbot.keyClick(window.call_view, Qt.Key.Key_F2)
    shown = window.incidents.shown
    assert shown is not None
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.camera_panel.cameras.topLevelItemCount() == 0
    assert window.camera_panel.heading.text().startswith(f"{shown.number} has no position yet")
    # The position typed: the cameras come.
    catalogue = load_default_catalogue()
    incidents.update_field(ctx, shown.id, "lat", HERE[0], catalogue)
    incidents.update_field(ctx, shown.id, "lon", HERE[1], catalogue)
    window.boards.apply_changes()
    qtbot.waitUntil(lambda: window.camera_panel.cameras.topLevelItemCount() == 10, timeout=10_000)


CHILD = r"""
import os, sys
sys.modules["PySide6.QtMultimedia"] = None  # as when libpulse0 is missing: the import fails
from pathlib import Path
from PySide6.QtWidgets import QApplication
from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.cameras import CameraSpec
from dispatch.domain.cameras_csv import write_camera_csv
from dispatch.domain.clock import SystemClock
from dispatch.services import accounts, calls, camera_registry, incidents
from dispatch.services.bus import ChangeBus
from dispatch.store.database import open_database, sqlite_url
from ui.main_window import MainWindow
from ui.session import ConsoleSession
from tests.services.support import signal
from dispatch.domain.signals import SignalKind

app = QApplication([])
database = open_database(sqlite_url(Path(sys.argv[1])))
ctx = accounts.register_console(database, SystemClock(), ChangeBus(), "KONSOL-01", "no-multimedia")
accounts.create_first_supervisor(ctx, "sari", "Sari Wulandari", "rahasia-112", "rahasia-112")
ctx = ctx.acting_as(accounts.log_in(ctx, "sari", "rahasia-112").actor)
camera = CameraSpec("SMG-CCTV-1", "Simpang Lima", "Dishub", -6.9903, 110.4229, "http://127.0.0.1:9/cam.mjpg")
camera_registry.import_cameras(ctx, write_camera_csv([camera]).encode())
ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, ctx.clock.now()))
_call, incident = calls.answer_call(ctx, ringing.id)
catalogue = load_default_catalogue()
incidents.update_field(ctx, incident.id, "lat", -6.9903, catalogue)
incidents.update_field(ctx, incident.id, "lon", 110.4229, catalogue)
window = MainWindow(ConsoleSession(ctx, catalogue, "en"))
window.resize(1366, 768)
window.show()
window.incidents.open(incident.id)
assert window.run_action("cameras")
deadline = __import__("time").monotonic() + 20
while window.camera_panel.cameras.topLevelItemCount() != 1 and __import__("time").monotonic() < deadline:
    app.processEvents()
window.camera_panel.cameras.setFocus()
window.camera_work.play(window.camera_panel.cameras.current_camera())
print("ROWS", window.camera_panel.cameras.topLevelItemCount())
print("STATE", window.camera_panel.state_line.text())
print("LOADED", "PySide6.QtMultimedia" in sys.modules and sys.modules["PySide6.QtMultimedia"] is not None)
window.close()
"""


def test_without_qt_multimedia_the_dock_says_why(tmp_path: Path) -> None:
    """A console where ``PySide6.QtMultimedia`` cannot be imported (here made to fail as it does
    without libpulse0) starts, lists the cameras, and says in words why it plays none."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "console.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = dict(
        line.split(" ", 1) for line in done.stdout.splitlines() if line[:4] in ("ROWS", "STAT", "LOAD")
    )
    assert lines["ROWS"] == "1"
    assert lines["STATE"].startswith(
        "Streams cannot be played on this console: Qt Multimedia could not be loaded (import of "
        "PySide6.QtMultimedia halted; None in sys.modules). On Debian, install the package libpulse0"
    ), lines["STATE"]
    assert lines["LOADED"] == "False"
