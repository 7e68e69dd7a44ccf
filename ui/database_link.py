"""The console's link to a centre's database, for the window: a Qt adapter over the change feed.

:class:`dispatch.services.change_feed.ChangeFeed` hears the other consoles' changes on a thread of its
own and publishes them on the console's bus (the window hears them through ``ui.bridge``). It also
reports the state of its connection from that thread; this adapter carries each report to the GUI
thread as a queued signal, where the window shows the banner at once, and on reconnection re-reads
its state and saves what was typed meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal, Slot

from dispatch.services.change_feed import ChangeFeed, LinkState
from dispatch.services.context import ServiceContext

log = logging.getLogger(__name__)

#: The change feed's safety-net poll, and its waits between reconnection attempts (the last repeats).
POLL_SECONDS = 5.0
BACKOFF: Sequence[float] = (0.5, 1.0, 2.0, 4.0, 8.0, 10.0)


class DatabaseLink(QObject):
    """Signals, all on the GUI thread:
    lost(LinkState): the link went down (it was up, or had not yet been reported).
    restored(LinkState): the link is up again after being down.
    state_changed(LinkState): every report of the feed (lost, each retry, connected), after
        ``lost`` or ``restored`` when it is one.
    """

    state_changed = Signal(object)
    lost = Signal(object)
    restored = Signal(object)
    # Emitted on the feed's thread; queued, so that its slot runs on this object's (the GUI) thread.
    _arrived = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QObject | None = None,
        *,
        poll_seconds: float | None = None,
        backoff: Sequence[float] | None = None,
    ) -> None:
        super().__init__(parent)
        self.feed = ChangeFeed(
            ctx,
            poll_seconds=POLL_SECONDS if poll_seconds is None else poll_seconds,
            backoff=BACKOFF if backoff is None else backoff,
        )
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = None
        # None until the first report: a link down from the start is "lost" too.
        self._connected: bool | None = None
        self._running = False

    @property
    def connected(self) -> bool:
        """The last state the GUI thread was told of (True before any report)."""
        return self._connected is not False

    @property
    def state(self) -> LinkState:
        return self.feed.state

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._unsubscribe = self.feed.subscribe_state(self._relay)
        self.feed.start()

    def stop(self) -> None:
        """Stop listening (the feed's thread joined); idempotent."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._running:
            self._running = False
            self.feed.stop()

    def _relay(self, state: LinkState) -> None:
        # The feed's thread: nothing but the crossing happens here.
        try:
            self._arrived.emit(state)
        except RuntimeError:  # the window went away while the feed was stopping
            log.debug("link state after the window closed: %s", state)

    @Slot(object)
    def _deliver(self, state: LinkState) -> None:
        if not self._running:
            return
        was = self._connected
        self._connected = state.connected
        # The change first (lost, restored), then the report: whoever hears the report sees the
        # window as the change left it.
        if not state.connected and was is not False:
            log.warning("database link lost: %s", state.detail)
            self.lost.emit(state)
        elif state.connected and was is False:
            log.info("database link restored")
            self.restored.emit(state)
        self.state_changed.emit(state)
