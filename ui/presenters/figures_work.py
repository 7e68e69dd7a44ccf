"""The figures of a shift or a period on screen: the figures table and the data of its charts.

The presenter reads the period's calls, incidents and assignments off the GUI thread
(``dispatch.reports.figures_data.period_timings``), computes the figures once
(``dispatch.domain.figures.shift_figures``) and the charts' series from the same records
(:func:`chart_data`, pure), and hands both to the view (:class:`ui.widgets.figures_view.FiguresView`),
which draws the charts only once they are first shown. The table's words are made here
(:func:`figure_rows`); "met" and "not met" are words with a mark, never a colour alone. The
forwarding to agencies has a table of its own (:func:`forwarding_rows`): every agency, then each
agency, with answer to forwarding, forwarding to acknowledgement and to arrival reported, and how many
never had them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QWidget

from dispatch.domain.enums import AgencyType, CallClass
from dispatch.services.shifts import ShiftSnapshot
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.presenters.parts import Presenter, WindowParts
from ui.presenters.periods import parse_typed_time, shift_title, typed_time
from ui.presenters.reader import LatestReader
from ui.presenters.report_output import document_bytes
from ui.reveal import focus_visibly
from ui.timefmt import local_datetime
from ui.widgets.figures_view import HEADING, TARGET, VALUES, FigureRow, FiguresView, ForwardingRow

if TYPE_CHECKING:
    # The figures' arithmetic and readers are imported when first used (start-up: bench/startup.py).
    from dispatch.domain.figures import (
        CallTiming,
        Distribution,
        Figures,
        FigureSettings,
        ForwardingFigures,
        ForwardingTiming,
        IncidentTiming,
        TargetResult,
        UnitTiming,
    )

translate = QCoreApplication.translate

#: Answer times are counted in bins this wide (the standards' 10, 15 and 20 s fall on their edges).
ANSWER_BIN_S = 5.0
#: Call processing in bins of 15 s (NFPA 1225's 60 s on an edge).
PROCESSING_BIN_S = 15.0
#: A histogram has at least this many bins before its last, open one ("more than ...").
MIN_BINS = 12
#: Up to this long a period's calls are counted per hour of the period; longer, per hour of the day.
HOURLY_LIMIT = timedelta(hours=36)
#: Classes in the order the class mix lists them; None (not yet classified: still ringing or live) last.
CLASS_ORDER: tuple[str | None, ...] = (*(member.value for member in CallClass), None)


# --- the charts' data (pure) ------------------------------------------------------------------------


@dataclass(frozen=True)
class Threshold:
    """A target drawn on a histogram: ``x`` is its place on the bins' axis (bin i is centred on i)."""

    x: float
    within_s: float
    target_share: float
    share: float | None
    met: bool | None


@dataclass(frozen=True)
class Histogram:
    """Counts per bin: bin i holds the values in (i*width, (i+1)*width] (bin 0 from 0 inclusive);
    the last bin holds everything above the others ("more than")."""

    bin_s: float
    counts: tuple[int, ...]
    thresholds: tuple[Threshold, ...]

    @property
    def top_s(self) -> float:
        """Where the open last bin begins."""
        return self.bin_s * (len(self.counts) - 1)


@dataclass(frozen=True)
class ChartData:
    #: (local hour start, calls that started ringing in it); every hour of the period, empty ones too.
    #: When ``hour_of_day`` is set, the hours are 0..23 summed over the period's days.
    calls_per_hour: tuple[tuple[datetime | int, int], ...]
    hour_of_day: bool
    #: (call class code, or None while unclassified; calls), in CLASS_ORDER, zeros included.
    class_mix: tuple[tuple[str | None, int], ...]
    answer: Histogram
    #: (local day, prank calls, all calls that started ringing that day), every day of the period.
    prank_by_day: tuple[tuple[date, int, int], ...]
    processing: Histogram


def histogram(values: Sequence[float | None], bin_s: float, results: Sequence[TargetResult]) -> Histogram:
    """``values`` (None and non-finite ones left out) in bins of ``bin_s``, wide enough to show every
    target with room beyond it; each target drawn where its limit falls between the bins."""
    known = [v for v in values if v is not None and math.isfinite(v)]
    widest_target = max((r.within_s for r in results), default=0.0)
    bins = max(MIN_BINS, math.ceil(widest_target * 1.5 / bin_s))
    counts = [0] * (bins + 1)
    for value in known:
        index = max(0, math.ceil(value / bin_s) - 1)
        counts[min(index, bins)] += 1
    thresholds = tuple(
        Threshold(r.within_s / bin_s - 0.5, r.within_s, r.target_share, r.share, r.met) for r in results
    )
    return Histogram(bin_s, tuple(counts), thresholds)


def _local_hour(at: datetime, zone: tzinfo) -> datetime:
    return at.astimezone(zone).replace(minute=0, second=0, microsecond=0)


def chart_data(
    calls: Sequence[CallTiming],
    incidents: Sequence[IncidentTiming],
    figures: Figures,
    since: datetime,
    until: datetime,
    zone: tzinfo,
) -> ChartData:
    """The five charts' series for the period [since, until) in the centre's ``zone``."""
    hour_of_day = until - since > HOURLY_LIMIT
    if hour_of_day:
        by_hour = Counter(call.ring_at.astimezone(zone).hour for call in calls)
        per_hour: tuple[tuple[datetime | int, int], ...] = tuple((h, by_hour[h]) for h in range(24))
    else:
        counted = Counter(_local_hour(call.ring_at, zone) for call in calls)
        hours: list[tuple[datetime | int, int]] = []
        # Hour by hour in UTC, shown in local time: a clock change neither repeats nor skips one.
        at = since.astimezone(zone).replace(minute=0, second=0, microsecond=0)
        end = until.astimezone(zone)
        while at < end:
            hours.append((at, counted[at]))
            at = (at.astimezone(UTC) + timedelta(hours=1)).astimezone(zone)
        per_hour = tuple(hours)
    classes = Counter(call.call_class for call in calls)
    class_mix = tuple((code, classes[code]) for code in CLASS_ORDER)
    days: dict[date, list[int]] = {}
    day = since.astimezone(zone).date()
    last_day = (until - timedelta(microseconds=1)).astimezone(zone).date()
    while day <= last_day:
        days[day] = [0, 0]
        day += timedelta(days=1)
    for call in calls:
        counts = days.setdefault(call.ring_at.astimezone(zone).date(), [0, 0])
        counts[1] += 1
        if call.call_class == CallClass.PRANK.value:
            counts[0] += 1
    answered = [c.ring_s for c in calls if c.answered and c.ring_s is not None]
    return ChartData(
        calls_per_hour=per_hour,
        hour_of_day=hour_of_day,
        class_mix=class_mix,
        answer=histogram(answered, ANSWER_BIN_S, figures.answer.targets),
        prank_by_day=tuple((d, p, n) for d, (p, n) in sorted(days.items())),
        processing=histogram(
            [i.call_processing_s for i in incidents], PROCESSING_BIN_S, figures.processing.targets
        ),
    )


# --- words ------------------------------------------------------------------------------------------


def seconds_words(seconds: float | None) -> str:
    """``12.4 s`` (the language's decimal mark; ``15 s`` when whole), ``2:05 min`` from 100 s; "–"
    without a value."""
    if seconds is None:
        return "–"
    if seconds < 100:
        whole = float(seconds).is_integer()
        number = QLocale().toString(round(seconds, 1), "f", 0 if whole else 1)
        return translate("Figures", "%1 s").replace("%1", number)
    minutes, rest = divmod(round(seconds), 60)
    return translate("Figures", "%1 min").replace("%1", f"{minutes}:{rest:02d}")


def share_words(share: float | None) -> str:
    """``93.5 %`` (the language's decimal mark); "–" without samples."""
    if share is None:
        return "–"
    return QLocale().toString(share * 100, "f", 1) + " %"


def met_words(met: bool | None) -> str:
    """Whether a target was met, in words with a mark (the "Target met" column's, the charts')."""
    if met is None:
        return translate("Figures", "– no samples")
    return translate("Figures", "✔ yes") if met else translate("Figures", "✘ no")


def met_phrase(met: bool | None) -> str:
    """Whether a target was met, as a phrase with a mark (a chart's legend)."""
    if met is None:
        return translate("Figures", "– no samples")
    return translate("Figures", "✔ met") if met else translate("Figures", "✘ not met")


def target_words(target: TargetResult) -> str:
    """``90 % ≤ 15 s``: the share of the samples the target wants within its limit."""
    return (
        translate("Figures", "%1 ≤ %2")
        .replace("%1", QLocale().toString(target.target_share * 100, "f", 0) + " %")
        .replace("%2", seconds_words(target.within_s))
    )


def _distribution_rows(measure: str, counted: str, found: Distribution, about: str = "") -> list[FigureRow]:
    """A measure's rows; ``about`` (what it measures, from when to when) in the heading's tooltip."""
    rows = [
        FigureRow(HEADING, measure, about=f"{measure}: {about}" if about else measure),
        FigureRow(
            VALUES,
            counted.replace("%1", str(found.count)),
            seconds_words(found.p50_s),
            seconds_words(found.p90_s),
            seconds_words(found.p95_s),
        ),
    ]
    for result in found.targets:
        rows.append(
            FigureRow(
                TARGET,
                translate("Figures", "Target: %1").replace("%1", target_words(result)),
                within=share_words(result.share),
                met=met_words(result.met),
                met_value=result.met,
            )
        )
    return rows


def _agency_words(code: str) -> str:
    try:
        return labels.agency(AgencyType(code))
    except ValueError:
        return code


def figure_rows(figures: Figures) -> list[FigureRow]:
    """The table: answer time, call processing, then each agency's turnout, travel and time on scene."""
    calls = translate("Figures", "%1 calls answered")
    incidents = translate("Figures", "%1 incidents")
    assignments = translate("Figures", "%1 units sent")
    rows = _distribution_rows(translate("Figures", "Answer time (ring to answer)"), calls, figures.answer)
    rows += _distribution_rows(
        translate("Figures", "Call processing (answer to first unit dispatched)"),
        incidents,
        figures.processing,
    )
    for agency in figures.agencies:
        name = _agency_words(agency.agency)
        # The agency's name makes these long: what they measure is in the heading's tooltip.
        rows += _distribution_rows(
            translate("Figures", "Turnout, %1").replace("%1", name),
            assignments,
            agency.turnout,
            translate("Figures", "dispatched to en route"),
        )
        rows += _distribution_rows(
            translate("Figures", "Travel, %1").replace("%1", name),
            assignments,
            agency.travel,
            translate("Figures", "en route to on scene"),
        )
        rows += _distribution_rows(
            translate("Figures", "Time on scene, %1").replace("%1", name), assignments, agency.on_scene
        )
    return rows


def _forwarding_rows(agency: ForwardingFigures) -> list[ForwardingRow]:
    """One agency's (or every agency's) forwarding: its name across the table, a row per measure."""
    name = translate("Figures", "All agencies") if agency.agency_id is None else agency.agency_name
    counted = (
        translate("Figures", "forwardings: %1, cancelled: %2")
        .replace("%1", str(agency.forwardings))
        .replace("%2", str(agency.cancelled))
    )
    measures = (
        (
            translate("Figures", "Answer to forwarding"),
            translate("Figures", "from the incident's creation to the agency's first forwarding of it"),
            agency.to_forwarding,
            "",
        ),
        (
            translate("Figures", "To acknowledgement"),
            translate("Figures", "from the forwarding to the agency's acknowledgement"),
            agency.to_acknowledgement,
            str(agency.never_acknowledged),
        ),
        (
            translate("Figures", "To arrival reported"),
            translate("Figures", "from the forwarding to the arrival the agency reported"),
            agency.to_arrival,
            str(agency.never_arrived),
        ),
    )
    rows = [ForwardingRow(HEADING, f"{name} ({counted})", about=f"{name}: {counted}")]
    rows += [
        ForwardingRow(
            VALUES,
            what,
            str(found.count),
            seconds_words(found.p50_s),
            seconds_words(found.p90_s),
            never,
            about=f"{what}: {about}",
        )
        for what, about, found, never in measures
    ]
    return rows


def forwarding_rows(figures: Figures) -> list[ForwardingRow]:
    """The forwarding table: every agency first, then each agency by name; none without forwardings."""
    rows: list[ForwardingRow] = []
    for agency in figures.forwarding:
        rows += _forwarding_rows(agency)
    return rows


def forwarding_summary(figures: Figures) -> str:
    """Above the forwarding table: what it counts, and what "never" means."""
    if not figures.forwarding:
        return translate("Figures", "No incident opened in the period was forwarded to an agency.")
    return translate(
        "Figures",
        "Forwardings of the incidents opened in the period. Never: no acknowledgement or arrival "
        "recorded by the time the figures were read (cancelled forwardings are not counted).",
    )


def summary_words(figures: Figures, zone: tzinfo) -> str:
    parts = [
        translate("Figures", "Calls offered: %1").replace("%1", str(figures.offered)),
        translate("Figures", "answered: %1").replace("%1", str(figures.answered)),
        translate("Figures", "abandoned: %1 (%2)")
        .replace("%1", str(figures.abandoned))
        .replace("%2", share_words(figures.abandonment_rate)),
    ]
    if figures.unresolved:
        parts.append(translate("Figures", "still ringing: %1").replace("%1", str(figures.unresolved)))
    if figures.longest_ring is not None:
        ring = figures.longest_ring
        at = local_datetime(datetime.fromisoformat(ring.ring_at), zone)
        parts.append(
            translate("Figures", "longest ring: %1 (%2, %3)")
            .replace("%1", seconds_words(ring.seconds))
            .replace("%2", at)
            .replace(
                "%3", translate("Figures", "answered") if ring.answered else translate("Figures", "abandoned")
            )
        )
    return " · ".join(parts)


# --- the presenter ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodFigures:
    """What one read of a period gives: its figures and its charts' data."""

    since: datetime
    until: datetime
    title: str
    figures: Figures
    charts: ChartData
    #: The duty shift whose period it is (None: a period typed).
    shift: ShiftSnapshot | None = None


def read_period(
    read: Callable[[datetime, datetime], tuple[list[CallTiming], list[IncidentTiming], list[UnitTiming]]],
    since: datetime,
    until: datetime,
    zone: tzinfo,
    title: str,
    settings: FigureSettings | None,
    shift: ShiftSnapshot | None = None,
    read_forwardings: Callable[[datetime, datetime], Sequence[ForwardingTiming]] | None = None,
) -> PeriodFigures:
    """Read the period's records and compute its figures and charts (what the worker thread runs)."""
    from dispatch.domain.figures import shift_figures

    local_since, local_until = since.astimezone(zone), until.astimezone(zone)
    calls, incidents, units = read(local_since, local_until)
    forwardings = read_forwardings(local_since, local_until) if read_forwardings is not None else ()
    figures = shift_figures(
        calls,
        incidents,
        units,
        settings,
        since=local_since,
        until=local_until,
        forwardings=forwardings,
    )
    return PeriodFigures(
        local_since,
        local_until,
        title,
        figures,
        chart_data(calls, incidents, figures, since, until, zone),
        shift,
    )


class FiguresWork(Presenter):
    """The figures dock's state: the period shown and what was read for it.

    Signals: ``shown(object)`` with the :class:`PeriodFigures` put on screen.
    """

    shown = Signal(object)

    def __init__(self, parts: WindowParts, view: FiguresView, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self.view = view
        #: The targets (None: the standards' defaults, dispatch/domain/figures.py).
        self.settings: FigureSettings | None = None
        self.current: PeriodFigures | None = None
        self._document: dict[str, Any] | None = None
        #: The shifts offered (the shift presenter's list), and the one shown (None: a typed period).
        self.shifts: dict[int, ShiftSnapshot] = {}
        self.shift_shown: ShiftSnapshot | None = None
        self._reader = LatestReader("figures", self)
        view.shift_picked.connect(self.show_shift)
        view.period_typed.connect(self.show_typed)

    def close(self) -> None:
        self._reader.close()

    @property
    def busy(self) -> bool:
        return self._reader.busy

    def focus(self) -> None:
        """Ctrl+7: the figures' period chooser, the dock shown; the open (or latest) shift's figures
        the first time."""
        if self.current is None and not self.busy and self.shifts:
            self.show_shift(next(iter(self.shifts)))
        focus_visibly(self.view.first_field())

    def set_shifts(self, shifts: Sequence[ShiftSnapshot]) -> None:
        """The shifts to choose from, newest first (the shift presenter reads them)."""
        self.shifts = {shift.id: shift for shift in shifts}
        zone = self.session.zone
        shown = self.shift_shown.id if self.shift_shown is not None else None
        self.view.show_shift_list([(s.id, shift_title(s, zone)) for s in shifts], shown)

    def show_shift(self, shift_id: int) -> None:
        """The figures of a shift, from its opening to its closing (or planned end while open)."""
        shift = self.shifts.get(shift_id)
        if shift is None:
            return
        self.shift_shown = shift
        zone = self.session.zone
        self.view.show_period_texts(typed_time(shift.opened_at, zone), typed_time(shift.period_end, zone))
        self.show_period(shift.opened_at, shift.period_end, shift_title(shift, zone), shift)

    def show_typed(self, since_text: str, until_text: str) -> None:
        """Enter in the from or to field: the period typed, in local time."""
        zone = self.session.zone
        try:
            since = parse_typed_time(since_text, zone)
            until = parse_typed_time(until_text, zone)
        except ValueError:
            self.view.show_problem(translate("Figures", "Type the times as 2026-11-27 07:00 (local time)."))
            return
        if since is None or until is None:
            self.view.show_problem(translate("Figures", "Type both ends of the period, from and to."))
            return
        self.shift_shown = None
        title = (
            translate("Figures", "%1 to %2")
            .replace("%1", typed_time(since, zone))
            .replace("%2", typed_time(until, zone))
        )
        self.show_period(since, until, title)

    def show_period(
        self, since: datetime, until: datetime, title: str, shift: ShiftSnapshot | None = None
    ) -> None:
        """Read [since, until) off the GUI thread; the figures and charts follow when it is read."""
        if until <= since:
            self.view.show_problem(translate("Figures", "The period ends before it begins."))
            return
        from dispatch.reports.figures_data import forwarding_timings, period_timings

        ctx, zone, settings = self.session.ctx, self.session.zone, self.settings
        self.view.show_problem(translate("Figures", "Reading the figures…"))
        self._reader.request(
            lambda: read_period(
                lambda a, b: period_timings(ctx, a, b),
                since,
                until,
                zone,
                title,
                settings,
                shift,
                lambda a, b: forwarding_timings(ctx, a, b),
            ),
            self._show,
            self._failed,
        )

    def _show(self, found: PeriodFigures) -> None:
        self.current = found
        self._document = None
        zone = self.session.zone
        self.view.show_problem("")
        self.view.show_figures(
            found.title,
            summary_words(found.figures, zone),
            figure_rows(found.figures),
            found.charts,
            zone,
            forwarding_summary(found.figures),
            forwarding_rows(found.figures),
        )
        self.shown.emit(found)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailable):
            self.view.show_problem(translate("Figures", "Figures not read: the database is busy."))
        else:
            self.view.show_problem(
                translate("Figures", "Figures could not be read: %1").replace("%1", str(error))
            )

    # -- the report, for printing and saving (ui/presenters/report_output.py) ------------------------

    @property
    def report_widget(self) -> QWidget:
        return self.view

    def report_data(self) -> dict[str, Any] | None:
        """The figures report's document (``dispatch.reports.export.figures_document``: what the
        ``report`` command writes), read when first printed or saved; None before any period."""
        found = self.current
        if found is None:
            return None
        if self._document is None:
            from dispatch.reports.export import figures_document

            self._document = figures_document(
                self.session.ctx,
                found.since,
                found.until,
                self.session.zone,
                shift=found.shift,
                settings=self.settings,
            )
        return self._document

    def report_title(self) -> str | None:
        if self.current is None:
            return None
        return translate("Figures", "the figures of %1").replace("%1", self.current.title)

    def report_html(self) -> str | None:
        data = self.report_data()
        if data is None:
            return None
        from ui.reports.document import render_html

        return render_html("figures", data, self.session.lang, self.session.zone)

    def report_name(self) -> str:
        found = self.current
        if found is None:
            return "figures"
        return f"figures-{found.since.strftime('%Y-%m-%d-%H%M')}"

    def export_bytes(self, fmt: str) -> bytes | None:
        data = self.report_data()
        if data is None:
            return None
        return document_bytes("figures", data, fmt, self.session.lang)
