"""Forwarding the incident in the form to the agencies that handle it (issue 16): whom to call, the
forwarding recorded in a few keys, the console dialling the agency, and what the agencies report back.

Follows the incident in the form (``IncidentWork.opened``) and the change notices (forwardings, the
agency directory, the incident, the outbox's SMS states); the one-second tick rewrites "how long
since" and "overdue". ``forward_now`` and ``report_now`` are the code the keys end in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt

from dispatch.domain.agencies import AgencyReach, AgencySpec, ForwardChoice, choose_agencies
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import AgencyType
from dispatch.domain.forwarding import CLOSED_STATES, ForwardChannel, ReportKind
from dispatch.services import agencies, forwarding, outbox, queries
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceError
from dispatch.services.forwarding import ForwardingView
from dispatch.services.snapshots import IncidentView
from ui import labels
from ui.presenters.incident_work import IncidentWork
from ui.presenters.parts import Presenter, WindowParts
from ui.reveal import focus_visibly
from ui.timefmt import local_time
from ui.widgets.forwarding_panel import ForwardingPanel, choice_text, forwarding_text, parse_time_of_day

translate = QCoreApplication.translate

#: Where a refusal of ``forwarding.forward`` is said: beside the field it is about.
RECORD_PROBLEM_FIELD: dict[Refusal, str] = {
    Refusal.REPORT_TIME_INVALID: "time",
    Refusal.NO_SMS_NUMBER: "sms",
}
#: Where a refusal of ``forwarding.report`` is said.
REPORT_PROBLEM_FIELD: dict[Refusal, str] = {Refusal.REPORT_TIME_INVALID: "time"}


@dataclass(frozen=True)
class SendSetup:
    """What this console can send through: a GSM modem feed (summary SMS), an AMI feed and the
    operator's extension (the console dials the agency, the extension rings first)."""

    sms_feed: bool = False
    ami_feed: bool = False
    extension: str = ""
    #: The PBX's dial context ("" the feed's default).
    context: str = ""


def console_send_setup(gateway_feeds: Iterable[str] = ()) -> SendSetup:
    """Read from this console's settings when needed (they change in the settings dialog).

    ``gateway_feeds``: the feeds the centre's gateway runs (a centre's console runs none itself; the
    gateway takes the outbox's messages and dials), from its last heartbeat.
    """
    from ui.settings import ConsoleSettings

    settings = ConsoleSettings.load()
    feeds = [url.strip() for url in (*settings.feeds, *gateway_feeds)]
    return SendSetup(
        sms_feed=any(url.startswith("aml-sms:") for url in feeds),
        ami_feed=any(url.startswith("ami://") for url in feeds),
        extension=str(getattr(settings, "ami_extension", "") or "").strip(),
        context=str(getattr(settings, "ami_dial_context", "") or "").strip(),
    )


class ForwardingWork(Presenter):
    def __init__(
        self,
        parts: WindowParts,
        incidents: IncidentWork,
        panel: ForwardingPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parts, parent)
        self.incidents = incidents
        self.panel = panel
        #: What this console sends through (a test gives its own).
        self.send_setup: Callable[[], SendSetup] = lambda: console_send_setup(self._gateway_feeds())
        self.incident: IncidentView | None = None
        self.choices: list[ForwardChoice] = []
        # The other agencies covering the incident's area, most specific of each type.
        self.others: list[ForwardChoice] = []
        self.forwardings: list[ForwardingView] = []
        # The active agencies of the directory (None: to be read).
        self._directory: list[tuple[int, AgencySpec]] | None = None
        # The record row: for which agency, and the moment it was opened (its time field's "now").
        self._record_for: ForwardChoice | None = None
        self._record_at: tuple[datetime, str] | None = None
        self._report_for: tuple[ForwardingView, ReportKind] | None = None
        self._report_at: tuple[datetime, str] | None = None
        incidents.opened.connect(self.show_incident)
        parts.boards.applied.connect(self._after_changes)
        parts.boards.ticked.connect(self._tick)
        panel.choice_entered.connect(self.open_record)
        panel.dial_requested.connect(self.dial)
        panel.record_submitted.connect(self.record)
        panel.report_key.connect(self.open_report)
        panel.report_submitted.connect(self.submit_report)
        panel.channel.chosen.connect(self._channel_chosen)
        self.show_incident(None)

    # -- following the form ----------------------------------------------------------------------

    def show_incident(self, incident: IncidentView | None) -> None:
        if incident is None or self.incident is None or incident.id != self.incident.id:
            self.panel.record_row.hide()
            self.panel.report_row.hide()
            self.panel.show_message("")
        self.incident = incident
        self.refresh()

    def refresh(self, read_incident: bool = False) -> None:
        """Choices and forwardings read afresh for the incident in the form (the incident itself as
        the form has it, or with ``read_incident`` from the database)."""
        incident = self.incident
        ctx = self.session.ctx
        if incident is None:
            self.choices, self.others, self.forwardings = [], [], []
            self.panel.show_heading(translate("ForwardingPanel", "No incident open."))
            self.panel.show_choices([])
            self.panel.show_forwardings([])
            return
        # The form's incident is read afresh before this (IncidentWork hears the notices first).
        shown = self.incidents.shown
        fresh = (
            shown
            if shown is not None and shown.id == incident.id and not read_incident
            else queries.incident(ctx, incident.id)
        )
        if fresh is not None:
            self.incident = incident = fresh
        self.forwardings = forwarding.forwardings_of(ctx, incident.id)
        self.choices, self.others = self._choose(incident)
        self.panel.show_heading(self._heading(incident))
        open_by_agency = self._open_by_agency()
        zone = self.session.zone

        def lines(choices: list[ForwardChoice]) -> list[tuple[int, str]]:
            return [(c.agency_id, choice_text(c, open_by_agency.get(c.agency_id), zone)) for c in choices]

        self.panel.show_choices(lines(self.choices), lines(self.others), self._choices_note(incident))
        self._show_forwardings()

    def _choose(self, incident: IncidentView) -> tuple[list[ForwardChoice], list[ForwardChoice]]:
        """Whom the category and area call for (as ``agencies.forward_choices`` says), then the
        agencies of every type that cover the area most specifically and take any category: the
        catalogue names who must be told, the operator may tell more (the Polsek to hold the crowd
        back at a fire). From the directory kept here (read again on its notices: reading it for
        every change of the incident took half the time of showing a forwarding)."""
        category = incident.category
        if category is None:
            return [], []
        if self._directory is None:
            views = agencies.agencies(self.session.ctx, include_inactive=False)
            self._directory = [(view.id, view.spec) for view in views]
        catalogue = self.session.catalogue
        needs = catalogue.get(category).agencies if category in catalogue else ()
        area, centre = incident.area_code or "", self.session.centre_area
        chosen = choose_agencies(self._directory, category, area, needs, centre)
        ids = {choice.agency_id for choice in chosen}
        others = choose_agencies(self._directory, category, area, list(AgencyType), centre)
        return chosen, [choice for choice in others if choice.agency_id not in ids]

    def _choice(self, agency_id: int) -> ForwardChoice | None:
        return next((c for c in (*self.choices, *self.others) if c.agency_id == agency_id), None)

    def _heading(self, incident: IncidentView) -> str:
        if incident.category is None:
            category = translate("ForwardingPanel", "no category yet")
        else:
            label = self.session.catalogue.get(incident.category).label(self.session.lang)
            category = f"{incident.category} {label}"
        text = (
            translate("ForwardingPanel", "Incident %1 · %2")
            .replace("%1", incident.number)
            .replace("%2", category)
        )
        if incident.closed_at is not None:
            text += " · " + labels.incident_status(incident.status)
        return text

    def _choices_note(self, incident: IncidentView) -> str:
        if incident.category is None:
            return translate(
                "ForwardingPanel", "Choose the category: the agencies it calls for are listed here."
            )
        if not self.choices:
            return translate(
                "ForwardingPanel",
                "No agency in the directory takes this category here (the supervisor keeps the directory).",
            )
        if not incident.area_code:
            return translate(
                "ForwardingPanel",
                "No kelurahan yet (Ctrl+L): agencies covering the centre's area are listed.",
            )
        return ""

    def _open_by_agency(self) -> dict[int, ForwardingView]:
        found: dict[int, ForwardingView] = {}
        for view in self.forwardings:
            if view.state not in CLOSED_STATES or view.agency_id not in found:
                found[view.agency_id] = view
        return found

    def _show_forwardings(self) -> None:
        now = self.session.ctx.clock.now()
        zone = self.session.zone
        self.panel.show_forwardings(
            [(view.id, forwarding_text(view, now, zone), view.overdue(now)) for view in self.forwardings]
        )

    def _tick(self) -> None:
        if self.forwardings:
            self._show_forwardings()

    def _after_changes(
        self, topics: set[Topic], touched: set[int], ids: dict[Topic, set[int] | None]
    ) -> None:
        if Topic.DIRECTORY in topics:
            self._directory = None
        incident = self.incident
        if incident is None:
            return
        # A forwarding's notice names its incident too (services.forwarding); the outbox's only its
        # messages: read again only when this incident has an SMS whose state may have moved.
        sms_sent = Topic.OUTBOX in topics and any(view.sms_state is not None for view in self.forwardings)
        if (
            sms_sent
            or Topic.DIRECTORY in topics
            or incident.id in touched
            or ids.get(Topic.INCIDENTS, set()) is None
        ):
            self.refresh()

    # -- keys ------------------------------------------------------------------------------------------

    def focus(self) -> None:
        """Ctrl+T: the dock up with the keyboard on the first agency to call; again: the forwardings."""
        panel = self.panel
        if self.incident is None:
            self.status.show_message(translate("ForwardingPanel", "No incident open."))
            focus_visibly(panel.choices)
            return
        self.incidents.panel.flush_all()  # a category or kelurahan still being typed decides the choices
        self.refresh(read_incident=True)
        if panel.choices.hasFocus() and panel.forwardings.count():
            focus_visibly(panel.forwardings)
            return
        if panel.choices.count():
            panel.first_choice()
            focus_visibly(panel.choices)
        elif panel.forwardings.count():
            focus_visibly(panel.forwardings)
        else:
            focus_visibly(panel.choices)
            self.status.show_message(self._choices_note(self.incident))

    def _now_text(self) -> tuple[datetime, str]:
        now = self.session.ctx.clock.now()
        return now, local_time(now, self.session.zone)

    def open_record(self, agency_id: int) -> None:
        """Enter on an agency: the record row, filled in with what is known."""
        incident, choice = self.incident, self._choice(agency_id)
        if incident is None or choice is None:
            return
        if incident.closed_at is not None:
            self._say(labels.service_error(Refusal.INCIDENT_CLOSED))
            return
        already = self._open_by_agency().get(choice.agency_id)
        if already is not None and already.state not in CLOSED_STATES:
            self._select_forwarding(already.id)
            self._say(
                translate("ForwardingPanel", "Already forwarded to %1: report on it with 1-7.").replace(
                    "%1", already.agency_name
                )
            )
            return
        self._open_record(choice, None)

    def _open_record(self, choice: ForwardChoice, channel: ForwardChannel | None, contact: str = "") -> None:
        spec = choice.spec
        if channel is None:
            channel = ForwardChannel.IN_PERSON if spec.reach is AgencyReach.ROOM else ForwardChannel.PHONE
        if not contact:
            contact = contact_for(spec, channel)
        self._record_for = choice
        self._record_at = self._now_text()
        words = (
            translate("ForwardingPanel", "Forward %1 to %2")
            .replace("%1", self.incident.number if self.incident else "")
            .replace("%2", spec.name)
        )
        self.panel.show_message("")
        self.panel.open_record_row(
            words,
            channel,
            contact,
            self._record_at[1],
            sms_possible=bool(spec.sms_number),
            sms_checked=self.send_setup().sms_feed,
        )
        focus_visibly(self.panel.channel)

    def _gateway_feeds(self) -> list[str]:
        """The feeds the centre's gateway runs, as its heartbeat says ([] on a console of its own)."""
        from ui.gateway_feeds import GatewayFeeds

        feeds = self.session.feeds
        return list(feeds.health) if isinstance(feeds, GatewayFeeds) else []

    def _channel_chosen(self, channel: ForwardChannel) -> None:
        """Another channel: the contact follows it (the radio channel for a radio call), unless the
        operator typed one of their own."""
        choice = self._record_for
        if choice is None:
            return
        typed = self.panel.contact.text().strip()
        defaults = {contact_for(choice.spec, other) for other in ForwardChannel}
        if not typed or typed in defaults:
            self.panel.contact.setText(contact_for(choice.spec, channel))

    def dial(self, agency_id: int) -> None:
        """D on an agency: the console dials it through the PBX (the operator's extension first)."""
        incident, choice = self.incident, self._choice(agency_id)
        if incident is None or choice is None:
            return
        setup = self.send_setup()
        if not setup.ami_feed:
            self._say(
                translate(
                    "ForwardingPanel",
                    "The console cannot dial: no AMI feed is set (Console, Settings, Feeds). "
                    "Call %1 by telephone.",
                ).replace("%1", ", ".join(choice.spec.phones) or "—")
            )
            return
        number = choice.spec.phones[0] if choice.spec.phones else ""
        try:
            outbox.queue_dial(
                self.session.ctx,
                incident_id=incident.id,
                agency_id=choice.agency_id,
                to_number=number,
                extension=setup.extension,
                context=setup.context,
            )
        except ServiceError as error:
            self._say(labels.service_error(error.code))
            return
        self._open_record(choice, ForwardChannel.DIAL, number)
        self._say(
            translate("ForwardingPanel", "Your extension %1 rings first, then %2 is dialled.")
            .replace("%1", setup.extension)
            .replace("%2", number)
        )

    def _time(self, text: str, opened: tuple[datetime, str] | None) -> datetime | None:
        """The time field: the moment the row opened while it still says so, else the time typed."""
        if opened is not None and text.strip() == opened[1]:
            return opened[0]
        return parse_time_of_day(text, self.session.ctx.clock.now(), self.session.zone)

    def record(self) -> None:
        """Enter in the record row."""
        choice, incident = self._record_for, self.incident
        if choice is None or incident is None:
            return
        entry = self.panel.record_entry()
        at = self._time(entry.time_text, self._record_at)
        if at is None:
            self.panel.show_record_problems({"time": time_words()})
            return
        try:
            view = self.forward_now(
                incident.id,
                choice.agency_id,
                channel=entry.channel,
                contact=entry.contact,
                person=entry.person,
                reference=entry.reference,
                at=at,
                acknowledged=entry.acknowledged,
                send_sms=entry.send_sms,
            )
        except ServiceError as error:
            field = RECORD_PROBLEM_FIELD.get(error.code, "agency")
            self.panel.show_record_problems({field: labels.service_error(error.code)})
            return
        self._record_for = None
        self.panel.close_rows()
        self.refresh()
        self.panel.next_choice_after(choice.agency_id)  # the next to call, one Enter away
        self._say(
            translate("ForwardingPanel", "Forwarded to %1 at %2: %3.")
            .replace("%1", view.agency_name)
            .replace("%2", local_time(view.forwarded_at, self.session.zone))
            .replace("%3", labels.forward_state(view.state))
        )

    def forward_now(
        self,
        incident_id: int,
        agency_id: int,
        *,
        channel: ForwardChannel,
        contact: str = "",
        person: str = "",
        reference: str = "",
        at: datetime | None = None,
        acknowledged: bool = False,
        send_sms: bool = False,
    ) -> ForwardingView:
        """Record a forwarding (the form's pending edits saved first); raises ServiceError."""
        self.incidents.panel.flush_all()
        return forwarding.forward(
            self.session.ctx,
            incident_id,
            agency_id,
            channel=channel,
            contact=contact,
            person=person,
            reference=reference,
            at=at,
            acknowledged=acknowledged,
            send_sms=send_sms,
        )

    def open_report(self, row: int, kind: ReportKind) -> None:
        """A report key on a forwarding: the report row with the time (now) and a line of text."""
        if not 0 <= row < len(self.forwardings):
            return
        view = self.forwardings[row]
        if view.state in CLOSED_STATES:
            self._say(labels.service_error(Refusal.FORWARDING_CLOSED))
            return
        self._report_for = (view, kind)
        self._report_at = self._now_text()
        self.panel.show_message("")
        self.panel.open_report_row(
            translate("ForwardingPanel", "%1: %2")
            .replace("%1", view.agency_name)
            .replace("%2", labels.report_kind(kind)),
            self._report_at[1],
        )
        focus_visibly(self.panel.report_text)

    def submit_report(self) -> None:
        """Enter in the report row."""
        if self._report_for is None:
            return
        view, kind = self._report_for
        entry = self.panel.report_entry()
        at = self._time(entry.time_text, self._report_at)
        if at is None:
            self.panel.show_report_problems({"time": time_words()})
            return
        try:
            done = self.report_now(view.id, kind, at=at, text=entry.text)
        except ServiceError as error:
            field = REPORT_PROBLEM_FIELD.get(error.code, "report")
            self.panel.show_report_problems({field: labels.service_error(error.code)})
            return
        self._report_for = None
        self.panel.close_rows()
        self.refresh(read_incident=True)  # the report may have closed it
        words = (
            translate("ForwardingPanel", "%1 recorded for %2: %3.")
            .replace("%1", labels.report_kind(kind))
            .replace("%2", done.agency_name)
            .replace("%3", labels.forward_state(done.state))
        )
        incident = self.incident
        if incident is not None and incident.closed_at is not None:
            words += " " + translate(
                "ForwardingPanel", "Incident %1 closed: every forwarding is closed."
            ).replace("%1", incident.number)
        self._say(words)

    def report_now(
        self, forwarding_id: int, kind: ReportKind, *, at: datetime | None = None, text: str = ""
    ) -> ForwardingView:
        return forwarding.report(self.session.ctx, forwarding_id, kind, at=at, text=text)

    def _select_forwarding(self, forwarding_id: int) -> None:
        for row, view in enumerate(self.forwardings):
            if view.id == forwarding_id:
                self.panel.forwardings.setCurrentRow(row)
                focus_visibly(self.panel.forwardings, Qt.FocusReason.OtherFocusReason)
                return

    def _say(self, text: str) -> None:
        self.panel.show_message(text)
        self.status.show_message(text)


def time_words() -> str:
    return translate("ForwardingPanel", "Type the time as 14:05 or 14:05:30.")


def contact_for(spec: AgencySpec, channel: ForwardChannel) -> str:
    """What the agency is reached at on ``channel``, from the directory ("" in person)."""
    first_phone = spec.phones[0] if spec.phones else ""
    if channel is ForwardChannel.RADIO:
        return spec.radio or first_phone
    if channel in (ForwardChannel.SMS, ForwardChannel.WHATSAPP):
        return spec.sms_number or first_phone
    if channel is ForwardChannel.IN_PERSON:
        return ""
    return first_phone or spec.radio
