"""Every action of the console, declared once.

An action is data: its id, its words (both languages through the "Actions" translation context), its
key, its menu, its help text, the command-line verb that runs the same code, the permission it needs
and when it can run. The window's menus and keys (:mod:`ui.action_binder`), Help (F1), the command
line's help and completion, and the README's key table (:func:`key_table_markdown`) are all made from
:data:`ACTIONS`; ``tests/ui/test_action_registry.py`` finds clashing keys and keeps the README equal.

Keys that belong to one panel (Enter on a list, Space on the available units) are listed too, with
the panel as their scope: they are documented here, and handled by the panel's own widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from dispatch.domain.commands import Verb
from dispatch.domain.permissions import Action

CONTEXT = "Actions"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for the catalogue: pyside6-lupdate finds calls of this name, with the context
    written as a literal (so each text below spells out "Actions"); translated where it is shown."""
    return source


def words(text: str) -> str:
    """A registry text in the language in force."""
    return QCoreApplication.translate(CONTEXT, text)


class Menu(Enum):
    CALL = "call"
    INCIDENT = "incident"
    DISPATCH = "dispatch"
    VIEW = "view"
    SHIFT = "shift"
    TRAINING = "training"
    CONSOLE = "console"
    HELP = "help"
    # Not in a menu: a key of one panel, or a command of the command line only.
    NONE = "none"


# Menu titles, in menu-bar order (with their Alt mnemonics).
MENU_TITLES: dict[Menu, str] = {
    Menu.CALL: QT_TRANSLATE_NOOP("Actions", "&Call"),
    Menu.INCIDENT: QT_TRANSLATE_NOOP("Actions", "&Incident"),
    Menu.DISPATCH: QT_TRANSLATE_NOOP("Actions", "&Dispatch"),
    Menu.VIEW: QT_TRANSLATE_NOOP("Actions", "&View"),
    Menu.SHIFT: QT_TRANSLATE_NOOP("Actions", "&Shift"),
    Menu.TRAINING: QT_TRANSLATE_NOOP("Actions", "&Training"),
    Menu.CONSOLE: QT_TRANSLATE_NOOP("Actions", "C&onsole"),
    Menu.HELP: QT_TRANSLATE_NOOP("Actions", "&Help"),
}


class When(Enum):
    """When an action can run; otherwise its key says why (:data:`WHEN_NOT`) and its menu entry is grey."""

    ALWAYS = "always"
    # An incident is shown in the form (open or closed).
    INCIDENT_SHOWN = "incident_shown"
    # An incident that is not closed is shown in the form.
    OPEN_INCIDENT_SHOWN = "open_incident_shown"
    # A closed or cancelled incident is shown in the form.
    CLOSED_INCIDENT_SHOWN = "closed_incident_shown"
    # The console trains (a training database, simulated callers): the trainer's actions.
    TRAINING = "training"


WHEN_NOT: dict[When, str] = {
    When.ALWAYS: "",
    When.INCIDENT_SHOWN: QT_TRANSLATE_NOOP("Actions", "No incident is open."),
    When.OPEN_INCIDENT_SHOWN: QT_TRANSLATE_NOOP("Actions", "No open incident to close."),
    When.CLOSED_INCIDENT_SHOWN: QT_TRANSLATE_NOOP(
        "Actions", "Open a closed incident first (Enter on its call)."
    ),
    When.TRAINING: QT_TRANSLATE_NOOP("Actions", "Only a training console runs scenarios."),
}

# The scope of the window's own keys; any other scope is a panel's (documented, handled there).
WINDOW = "window"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    # What it does, as the menu says it (a source text of the "Actions" context).
    text: str
    menu: Menu
    # Portable key text (``QKeySequence``), "" when it has none.
    key: str = ""
    # The command-line verb that runs the same code.
    verb: Verb | None = None
    # The permission it needs beyond a logged-in user's.
    needs: Action | None = None
    when: When = When.ALWAYS
    # It puts the keyboard focus somewhere (the focus test runs it in every position).
    moves_focus: bool = False
    # WINDOW, or the panel whose widget handles the key.
    scope: str = WINDOW
    # What it does, at more length (Help and the README); "" when the text says it all.
    help: str = ""
    # The keys that follow it, e.g. "1-7" for F9's one-key choice.
    then: str = ""

    def help_words(self) -> str:
        """The longer help in the language in force (the menu text when there is none)."""
        return words(self.help or self.text).replace("&", "")

    def keys_words(self) -> str:
        """``F9, then 1-7``: the key and what follows it, in the language in force."""
        key = self.native_key()
        if not self.then:
            return key
        return QCoreApplication.translate(CONTEXT, "%1, then %2").replace("%1", key).replace("%2", self.then)

    @property
    def bound(self) -> bool:
        """The window makes it a QAction: a window key, or an entry of a menu."""
        return self.scope == WINDOW and (bool(self.key) or self.menu is not Menu.NONE)

    def native_key(self) -> str:
        """The key as this platform writes it (``Ctrl+Shift+F7``)."""
        return QKeySequence(self.key).toString(QKeySequence.SequenceFormat.NativeText)


ACTIONS: tuple[ActionSpec, ...] = (
    # -- calls ---------------------------------------------------------------------------------------
    ActionSpec(
        "answer",
        QT_TRANSLATE_NOOP("Actions", "Answer the longest-ringing call"),
        Menu.CALL,
        "F2",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "answer the longest-ringing call (or the ringing call selected); the incident opens, focus on Category",  # noqa: E501
        ),
    ),
    ActionSpec(
        "hangUp",
        QT_TRANSLATE_NOOP("Actions", "Hang up the current call"),
        Menu.CALL,
        "F3",
        help=QT_TRANSLATE_NOOP("Actions", "hang up the current call (the incident goes on)"),
    ),
    ActionSpec(
        "classify",
        QT_TRANSLATE_NOOP("Actions", "Close the call as not an emergency"),
        Menu.CALL,
        "F4",
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "close the call as Information, Prank, Silent (to the callback queue) or Wrong number / test",
        ),
        then="1 / 2 / 3 / 4",
    ),
    ActionSpec(
        "attachDuplicate",
        QT_TRANSLATE_NOOP("Actions", "Attach the call to the suggested incident"),
        Menu.CALL,
        "Ctrl+D",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "attach the call to the suggested duplicate incident"),
    ),
    ActionSpec(
        "callBack",
        QT_TRANSLATE_NOOP("Actions", "Call back the selected caller"),
        Menu.CALL,
        "Ctrl+B",
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "call back the selected caller: reached (no emergency), reached (emergency: opens an incident), no answer, busy, unreachable",  # noqa: E501
        ),
        then="1 / 2 / 3 / 4 / 5",
    ),
    ActionSpec(
        "closeCallback",
        QT_TRANSLATE_NOOP("Actions", "Close the callback (supervisor)"),
        Menu.CALL,
        "Ctrl+Shift+B",
        needs=Action.CLOSE_CALLBACK,
        help=QT_TRANSLATE_NOOP("Actions", "close a callback (supervisor, with a note)"),
        then="1 / 2 / 3",
    ),
    # -- the incident --------------------------------------------------------------------------------
    ActionSpec(
        "editIncident",
        QT_TRANSLATE_NOOP("Actions", "Edit the incident form"),
        Menu.INCIDENT,
        "F5",
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "back to the incident form"),
    ),
    ActionSpec(
        "findArea",
        QT_TRANSLATE_NOOP("Actions", "Find the area (kelurahan, kecamatan…)"),
        Menu.INCIDENT,
        "Ctrl+L",
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions", "find the area: type a kelurahan, kecamatan or kota; arrows and Enter pick"
        ),
    ),
    ActionSpec(
        "addNote",
        QT_TRANSLATE_NOOP("Actions", "Add a note to the narrative"),
        Menu.INCIDENT,
        "F8",
        verb=Verb.NOTE,
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "add a note to the narrative (Enter saves it)"),
    ),
    ActionSpec(
        "correctNote",
        QT_TRANSLATE_NOOP("Actions", "Correct the selected note"),
        Menu.INCIDENT,
        "Ctrl+Shift+F8",
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "correct the selected note (a new note naming the old one)"),
    ),
    ActionSpec(
        "protocolCard",
        QT_TRANSLATE_NOOP("Actions", "Go to the protocol card"),
        Menu.INCIDENT,
        "Ctrl+P",
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "the protocol card: arrows choose a question, a digit answers it (1 yes, 2 no, 3 don't know)",
        ),
        then="1 / 2 / 3",
    ),
    ActionSpec(
        "closeIncident",
        QT_TRANSLATE_NOOP("Actions", "Close the incident"),
        Menu.INCIDENT,
        "F9",
        verb=Verb.CLOSE,
        when=When.OPEN_INCIDENT_SHOWN,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "close the incident with a disposition; asks first, naming them, while units are still out (they are released and become available)",  # noqa: E501
        ),
        then="1-7",
    ),
    ActionSpec(
        "reopenIncident",
        QT_TRANSLATE_NOOP("Actions", "Reopen the incident shown (closed or cancelled)"),
        Menu.INCIDENT,
        "Ctrl+Shift+F9",
        verb=Verb.REOPEN,
        when=When.CLOSED_INCIDENT_SHOWN,
        help=QT_TRANSLATE_NOOP("Actions", "reopen the closed incident shown (Enter on its call shows it)"),
    ),
    # -- dispatch ------------------------------------------------------------------------------------
    ActionSpec(
        "dispatch",
        QT_TRANSLATE_NOOP("Actions", "Choose units to dispatch"),
        Menu.DISPATCH,
        "F6",
        verb=Verb.DISPATCH,
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "choose units: the category's agencies first (★); Space marks, Enter dispatches the marked units",
        ),
    ),
    ActionSpec(
        "dispatchRecommended",
        QT_TRANSLATE_NOOP("Actions", "Dispatch the recommended units"),
        Menu.DISPATCH,
        "Ctrl+R",
        when=When.INCIDENT_SHOWN,
        help=QT_TRANSLATE_NOOP("Actions", "dispatch the recommended units"),
    ),
    ActionSpec(
        "advance",
        QT_TRANSLATE_NOOP("Actions", "Move the selected unit to its next status"),
        Menu.DISPATCH,
        "F7",
        help=QT_TRANSLATE_NOOP(
            "Actions", "move the selected unit (assigned units, or the unit board) to its next status"
        ),
    ),
    ActionSpec(
        "status",
        QT_TRANSLATE_NOOP("Actions", "Choose the selected unit's status"),
        Menu.DISPATCH,
        "Shift+F7",
        verb=Verb.STATUS,
        help=QT_TRANSLATE_NOOP("Actions", "choose the selected unit's status from those allowed"),
        then="1 / 2 / …",
    ),
    ActionSpec(
        "overrideStatus",
        QT_TRANSLATE_NOOP("Actions", "Override the unit's status (supervisor)"),
        Menu.DISPATCH,
        "Ctrl+Shift+F7",
        needs=Action.OVERRIDE_UNIT_STATUS,
        help=QT_TRANSLATE_NOOP(
            "Actions", "override the unit's status (supervisor; asks for a reason, audited)"
        ),
        then="1 / 2 / …",
    ),
    ActionSpec(
        "forward",
        QT_TRANSLATE_NOOP("Actions", "Forward to an agency"),
        Menu.DISPATCH,
        "Ctrl+T",
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "forward the incident to the agencies its category and area call for: whom to call and how; Enter records a forwarding, Ctrl+T again goes to the forwardings and what the agencies reported",  # noqa: E501
        ),
    ),
    ActionSpec(
        "cameras",
        QT_TRANSLATE_NOOP("Actions", "Cameras near the incident"),
        Menu.INCIDENT,
        "Ctrl+J",
        when=When.INCIDENT_SHOWN,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "the CCTV cameras nearest to the incident, with their distance; Enter plays a camera's stream, S attaches a still of it to the incident (its SHA-256 in the narrative), Esc stops",  # noqa: E501
        ),
    ),
    ActionSpec(
        "commandLine",
        QT_TRANSLATE_NOOP("Actions", "Command line"),
        Menu.DISPATCH,
        "Ctrl+K",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions", "command line (Tab completes, arrows recall, Esc leaves); commands in Help (F1)"
        ),
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "Find a unit or an incident (command line)"),
        Menu.NONE,
        verb=Verb.FIND,
    ),
    # -- view ----------------------------------------------------------------------------------------
    ActionSpec(
        "goCalls",
        QT_TRANSLATE_NOOP("Actions", "Go to calls"),
        Menu.VIEW,
        "Ctrl+1",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "go to calls"),
    ),
    ActionSpec(
        "goIncidents",
        QT_TRANSLATE_NOOP("Actions", "Go to active incidents"),
        Menu.VIEW,
        "Ctrl+2",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "go to active incidents"),
    ),
    ActionSpec(
        "goUnits",
        QT_TRANSLATE_NOOP("Actions", "Go to units"),
        Menu.VIEW,
        "Ctrl+3",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "go to the unit board"),
    ),
    ActionSpec(
        "goCallbacks",
        QT_TRANSLATE_NOOP("Actions", "Go to callbacks"),
        Menu.VIEW,
        "Ctrl+4",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "go to callbacks"),
    ),
    ActionSpec(
        "filterUnits",
        QT_TRANSLATE_NOOP("Actions", "Filter the unit board"),
        Menu.VIEW,
        "Ctrl+F",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP("Actions", "filter the unit board (call sign, agency, status, station)"),
    ),
    ActionSpec(
        "showMap",
        QT_TRANSLATE_NOOP("Actions", "Go to the situation map"),
        Menu.VIEW,
        "Ctrl+M",
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "the situation map: open incidents and units; arrows move it, + and - zoom, N and P select an incident, Enter opens it",  # noqa: E501
        ),
    ),
    ActionSpec(
        "positionCallTaker",
        QT_TRANSLATE_NOOP("Actions", "Call-taker position"),
        Menu.VIEW,
        "Alt+1",
        help=QT_TRANSLATE_NOOP(
            "Actions", "call-taker position: calls and callers, the incident form, the protocol card"
        ),
    ),
    ActionSpec(
        "positionDispatcher",
        QT_TRANSLATE_NOOP("Actions", "Dispatcher position"),
        Menu.VIEW,
        "Alt+2",
        help=QT_TRANSLATE_NOOP(
            "Actions", "dispatcher position: incidents, the incident with its dispatch panel, the unit board"
        ),
    ),
    ActionSpec(
        "positionSupervisor",
        QT_TRANSLATE_NOOP("Actions", "Supervisor position"),
        Menu.VIEW,
        "Alt+3",
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "supervisor position: calls, incidents and callbacks, units, overdue timers, the duty shift",
        ),
    ),
    ActionSpec(
        "positionReview",
        QT_TRANSLATE_NOOP("Actions", "Review position"),
        Menu.VIEW,
        "Alt+4",
        needs=Action.REVIEW_SHIFTS,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "review position (supervisor): the shift log with timelines and quality review; the figures and the handover beside it",  # noqa: E501
        ),
    ),
    ActionSpec(
        "positionTrainer",
        QT_TRANSLATE_NOOP("Actions", "Trainer position"),
        Menu.VIEW,
        "Alt+5",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "trainer position (training): the trainer's panel and the debrief; the units and calls beside them",  # noqa: E501
        ),
    ),
    # -- the duty shift, its handover and its review --------------------------------------------------
    ActionSpec(
        "shiftPanel",
        QT_TRANSLATE_NOOP("Actions", "Go to the duty shift and its handover"),
        Menu.SHIFT,
        "Ctrl+5",
        needs=Action.MANAGE_SHIFTS,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "the duty shift (supervisor): who is on duty, pass-down instructions, the handover report",
        ),
    ),
    ActionSpec(
        "openShift",
        QT_TRANSLATE_NOOP("Actions", "Open the shift"),
        Menu.SHIFT,
        "Ctrl+Shift+O",
        needs=Action.MANAGE_SHIFTS,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "open the shift of the centre's pattern now (supervisor); then type the pass-down instructions",
        ),
    ),
    ActionSpec(
        "closeShift",
        QT_TRANSLATE_NOOP("Actions", "Close the shift"),
        Menu.SHIFT,
        "Ctrl+Shift+C",
        needs=Action.MANAGE_SHIFTS,
        help=QT_TRANSLATE_NOOP("Actions", "close the open shift (supervisor; asks first)"),
        then="1",
    ),
    ActionSpec(
        "signOff",
        QT_TRANSLATE_NOOP("Actions", "Sign off the handover report"),
        Menu.SHIFT,
        "Ctrl+Shift+S",
        needs=Action.MANAGE_SHIFTS,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "sign off the closed shift's handover report (outgoing lead; asks first; signed, it never changes)",  # noqa: E501
        ),
        then="1",
    ),
    ActionSpec(
        "acknowledgeHandover",
        QT_TRANSLATE_NOOP("Actions", "Acknowledge the handover report"),
        Menu.SHIFT,
        "Ctrl+Shift+T",
        needs=Action.MANAGE_SHIFTS,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "acknowledge the signed handover report (incoming lead, another supervisor: Ctrl+Shift+L first; asks first)",  # noqa: E501
        ),
        then="1",
    ),
    ActionSpec(
        "addendum",
        QT_TRANSLATE_NOOP("Actions", "Add an addendum to the signed report"),
        Menu.SHIFT,
        "Ctrl+Shift+N",
        needs=Action.MANAGE_SHIFTS,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "add an addendum to the signed handover report (Enter saves it; the report stays as signed)",
        ),
    ),
    ActionSpec(
        "printReport",
        QT_TRANSLATE_NOOP("Actions", "Print the report"),
        Menu.SHIFT,
        "Ctrl+Shift+P",
        needs=Action.REVIEW_SHIFTS,
        help=QT_TRANSLATE_NOOP(
            "Actions", "print the handover report shown (the figures, when the figures panel has the focus)"
        ),
    ),
    ActionSpec(
        "exportReport",
        QT_TRANSLATE_NOOP("Actions", "Save the report as PDF, CSV or JSON"),
        Menu.SHIFT,
        "Ctrl+Shift+E",
        needs=Action.REVIEW_SHIFTS,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "save the handover report shown (or the figures) as PDF, CSV or JSON, in your language",
        ),
        then="1 / 2 / 3",
    ),
    ActionSpec(
        "shiftLog",
        QT_TRANSLATE_NOOP("Actions", "Shift log"),
        Menu.SHIFT,
        "Ctrl+6",
        needs=Action.REVIEW_SHIFTS,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "shift log (supervisor): filter calls and incidents as you type; Enter on a row shows its timeline",  # noqa: E501
        ),
    ),
    ActionSpec(
        "figures",
        QT_TRANSLATE_NOOP("Actions", "Figures"),
        Menu.SHIFT,
        "Ctrl+7",
        needs=Action.REVIEW_SHIFTS,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "figures and charts of a shift or a period: answer and processing times against their targets",
        ),
    ),
    # -- training ------------------------------------------------------------------------------------
    ActionSpec(
        "training.panel",
        QT_TRANSLATE_NOOP("Actions", "Go to the trainer's panel"),
        Menu.TRAINING,
        "Ctrl+9",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "the trainer's panel: scenarios, trainees (Space marks), the session's calls as the trainees fill them in",  # noqa: E501
        ),
    ),
    ActionSpec(
        "training.start",
        QT_TRANSLATE_NOOP("Actions", "Start the scenario"),
        Menu.TRAINING,
        "Ctrl+Shift+G",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP("Actions", "start the chosen scenario for the trainees marked"),
    ),
    ActionSpec(
        "training.pause",
        QT_TRANSLATE_NOOP("Actions", "Pause or resume the scenario"),
        Menu.TRAINING,
        "Ctrl+Shift+H",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP(
            "Actions", "pause the scenario (nothing rings, no simulated unit moves) or resume it"
        ),
    ),
    ActionSpec(
        "training.speed",
        QT_TRANSLATE_NOOP("Actions", "Scenario speed"),
        Menu.TRAINING,
        "Ctrl+Shift+J",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP("Actions", "the scenario's speed: half, normal, 2, 4 or 8 times"),
        then="1-5",
    ),
    ActionSpec(
        "training.inject",
        QT_TRANSLATE_NOOP("Actions", "Ring a scenario call now"),
        Menu.TRAINING,
        "Ctrl+Shift+I",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP("Actions", "ring one of the scenario's calls not yet rung, now"),
        then="1 / 2 / …",
    ),
    ActionSpec(
        "training.live",
        QT_TRANSLATE_NOOP("Actions", "Play the caller: type a line"),
        Menu.TRAINING,
        "Ctrl+Shift+K",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "play the caller of the call selected in the trainer's panel: type a line, Enter says it",
        ),
    ),
    ActionSpec(
        "training.delayUnit",
        QT_TRANSLATE_NOOP("Actions", "Delay the selected unit"),
        Menu.TRAINING,
        "Ctrl+Shift+Y",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP(
            "Actions", "hold the selected simulated unit: its next status comes 30 s to 5 min later"
        ),
        then="1-4",
    ),
    ActionSpec(
        "training.outOfService",
        QT_TRANSLATE_NOOP("Actions", "Take the selected unit out of service"),
        Menu.TRAINING,
        "Ctrl+Shift+M",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP(
            "Actions", "the selected simulated unit breaks down: released from its incident, out of service"
        ),
        then="1",
    ),
    ActionSpec(
        "training.end",
        QT_TRANSLATE_NOOP("Actions", "End and score the scenario"),
        Menu.TRAINING,
        "Ctrl+Shift+Z",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "end the scenario and score each call against its truth (asks first); the debrief follows",
        ),
        then="1",
    ),
    ActionSpec(
        "training.debrief",
        QT_TRANSLATE_NOOP("Actions", "Debrief"),
        Menu.TRAINING,
        "Ctrl+0",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "the debrief of a session and trainee: actions beside the expected ones, scores, history",
        ),
    ),
    ActionSpec(
        "training.debriefPdf",
        QT_TRANSLATE_NOOP("Actions", "Save the debrief as PDF"),
        Menu.TRAINING,
        "Ctrl+Shift+D",
        needs=Action.RUN_TRAINING,
        when=When.TRAINING,
        help=QT_TRANSLATE_NOOP("Actions", "save the debrief shown as PDF, in your language"),
    ),
    # -- the console ---------------------------------------------------------------------------------
    ActionSpec(
        "qualityReview",
        QT_TRANSLATE_NOOP("Actions", "Quality review"),
        Menu.SHIFT,
        "Ctrl+8",
        needs=Action.REVIEW_SHIFTS,
        moves_focus=True,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "quality review (supervisor): draw a sample of the period's calls, score each on the review form",
        ),
    ),
    ActionSpec(
        "acknowledge",
        QT_TRANSLATE_NOOP("Actions", "Acknowledge alarms"),
        Menu.CONSOLE,
        "Ctrl+Shift+A",
        help=QT_TRANSLATE_NOOP("Actions", "acknowledge feed alarms and overdue-timer alerts"),
    ),
    ActionSpec(
        "watchList",
        QT_TRANSLATE_NOOP("Actions", "Watch list (supervisor)"),
        Menu.CONSOLE,
        "Ctrl+Shift+W",
        help=QT_TRANSLATE_NOOP("Actions", "watch list and telco block requests (supervisors edit)"),
    ),
    ActionSpec(
        "accounts",
        QT_TRANSLATE_NOOP("Actions", "User accounts"),
        Menu.CONSOLE,
        "Ctrl+Shift+U",
        help=QT_TRANSLATE_NOOP("Actions", "user accounts (supervisors and administrators add accounts)"),
    ),
    ActionSpec(
        "roster",
        QT_TRANSLATE_NOOP("Actions", "Unit roster"),
        Menu.CONSOLE,
        "Ctrl+Shift+R",
        help=QT_TRANSLATE_NOOP("Actions", "unit roster (supervisors edit; CSV import and export)"),
    ),
    ActionSpec(
        "directory",
        QT_TRANSLATE_NOOP("Actions", "Agency directory and cameras…"),
        Menu.CONSOLE,
        needs=Action.EDIT_DIRECTORY,
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "agency directory (whom to call for which categories and areas) and camera registry, CSV import and export",  # noqa: E501
        ),
    ),
    ActionSpec(
        "settings",
        QT_TRANSLATE_NOOP("Actions", "Settings"),
        Menu.CONSOLE,
        "Ctrl+,",
        help=QT_TRANSLATE_NOOP(
            "Actions",
            "settings (language, console name, time zone, centre's area, ETA speed, timer limits, feeds)",
        ),
    ),
    ActionSpec(
        "changeUser",
        QT_TRANSLATE_NOOP("Actions", "Change user"),
        Menu.CONSOLE,
        "Ctrl+Shift+L",
        help=QT_TRANSLATE_NOOP(
            "Actions", "change user: the next user logs in at this console (asks while work is open)"
        ),
    ),
    ActionSpec("logOut", QT_TRANSLATE_NOOP("Actions", "Log out (the console stays locked)"), Menu.CONSOLE),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "Quit"),
        Menu.CONSOLE,
        "Ctrl+Q",
        help=QT_TRANSLATE_NOOP("Actions", "quit (asks while calls ring or an incident is open)"),
    ),
    # -- help ----------------------------------------------------------------------------------------
    ActionSpec(
        "help",
        QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts and commands"),
        Menu.HELP,
        "F1",
        verb=Verb.HELP,
        help=QT_TRANSLATE_NOOP("Actions", "this list of keys, and the command line's commands"),
    ),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "About the console"), Menu.HELP),
    # -- keys of one panel ---------------------------------------------------------------------------
    ActionSpec(
        "callsEnter",
        QT_TRANSLATE_NOOP("Actions", "In calls: answer a ringing call or open its incident"),
        Menu.NONE,
        "Enter",
        scope="calls",
    ),
    ActionSpec(
        "incidentsEnter",
        QT_TRANSLATE_NOOP("Actions", "In active incidents: open the incident"),
        Menu.NONE,
        "Enter",
        scope="incidents",
    ),
    ActionSpec(
        "unitsMark",
        QT_TRANSLATE_NOOP("Actions", "In available units: mark or unmark a unit"),
        Menu.NONE,
        "Space",
        scope="dispatch",
    ),
    ActionSpec(
        "unitsSend",
        QT_TRANSLATE_NOOP("Actions", "In available units: dispatch the marked units"),
        Menu.NONE,
        "Enter",
        scope="dispatch",
    ),
    ActionSpec(
        "fieldNext",
        QT_TRANSLATE_NOOP("Actions", "Next or previous field; each field saves as you leave it"),
        Menu.NONE,
        "Tab",
        scope="form",
    ),
    ActionSpec(
        "fieldKeepTheirs",
        QT_TRANSLATE_NOOP("Actions", "In the incident form: keep the value another console saved"),
        Menu.NONE,
        "F11",
        scope="form",
    ),
    ActionSpec(
        "fieldUseYours",
        QT_TRANSLATE_NOOP("Actions", "In the incident form: save your value over another console's"),
        Menu.NONE,
        "F12",
        scope="form",
    ),
    ActionSpec(
        "useHandsetPosition",
        QT_TRANSLATE_NOOP("Actions", "In the incident form: use the handset position offered (AML)"),
        Menu.NONE,
        "Ctrl+H",
        scope="form",
    ),
    ActionSpec(
        "logEnter",
        QT_TRANSLATE_NOOP("Actions", "In the shift log: show the incident's timeline"),
        Menu.NONE,
        "Enter",
        scope="shiftLog",
    ),
    ActionSpec(
        "mapNext",
        QT_TRANSLATE_NOOP(
            "Actions", "In the map: select the next incident, nearest the middle first (or Tab)"
        ),
        Menu.NONE,
        "N",
        scope="map",
    ),
    ActionSpec(
        "mapPrevious",
        QT_TRANSLATE_NOOP("Actions", "In the map: select the previous incident (or Shift+Tab)"),
        Menu.NONE,
        "P",
        scope="map",
    ),
    ActionSpec(
        "mapOpen",
        QT_TRANSLATE_NOOP("Actions", "In the map: open the selected incident in the form"),
        Menu.NONE,
        "Enter",
        scope="map",
    ),
    ActionSpec(
        "mapZoomIn",
        QT_TRANSLATE_NOOP("Actions", "In the map: zoom in (or Ctrl+wheel)"),
        Menu.NONE,
        "+",
        scope="map",
    ),
    ActionSpec(
        "mapZoomOut",
        QT_TRANSLATE_NOOP("Actions", "In the map: zoom out"),
        Menu.NONE,
        "-",
        scope="map",
    ),
    ActionSpec(
        "mapFit",
        QT_TRANSLATE_NOOP("Actions", "In the map: show every incident and unit"),
        Menu.NONE,
        "Home",
        scope="map",
    ),
    ActionSpec(
        "forwardChoose",
        QT_TRANSLATE_NOOP(
            "Actions", "In whom to call: record a forwarding to the agency (channel, person, reference, time)"
        ),
        Menu.NONE,
        "Enter",
        scope="forwardChoices",
    ),
    ActionSpec(
        "forwardDial",
        QT_TRANSLATE_NOOP(
            "Actions", "In whom to call: the console dials the agency, your extension rings first (AMI)"
        ),
        Menu.NONE,
        "D",
        scope="forwardChoices",
    ),
    ActionSpec(
        "forwardChannel",
        QT_TRANSLATE_NOOP(
            "Actions",
            "In the forwarding's channel: 1 telephone, 2 dialled, 3 radio, 4 SMS, 5 WhatsApp, 6 in person",
        ),
        Menu.NONE,
        "1",
        scope="forwardRow",
    ),
    ActionSpec(
        "forwardRecord",
        QT_TRANSLATE_NOOP("Actions", "In the forwarding or report row: record it (Esc goes back)"),
        Menu.NONE,
        "Enter",
        scope="forwardRow",
    ),
    ActionSpec(
        "forwardReport",
        QT_TRANSLATE_NOOP(
            "Actions",
            "On a forwarding: 1 acknowledged, 2 dispatched, 3 arrived, 4 handled, 5 needs help, 6 note, 7 cancel; Enter records it with its time and text",  # noqa: E501
        ),
        Menu.NONE,
        "1",
        scope="forwardings",
    ),
    ActionSpec(
        "cameraPlay",
        QT_TRANSLATE_NOOP("Actions", "In the cameras: play the chosen camera's stream"),
        Menu.NONE,
        "Enter",
        scope="cameras",
    ),
    ActionSpec(
        "cameraStill",
        QT_TRANSLATE_NOOP("Actions", "In the cameras: attach a still of the picture shown to the incident"),
        Menu.NONE,
        "S",
        scope="cameras",
    ),
    ActionSpec(
        "cameraStop",
        QT_TRANSLATE_NOOP("Actions", "In the cameras: stop the stream (its last picture stays)"),
        Menu.NONE,
        "Esc",
        scope="cameras",
    ),
    ActionSpec(
        "choiceCancel",
        QT_TRANSLATE_NOOP("Actions", "Cancel a one-key choice"),
        Menu.NONE,
        "Esc",
        scope="choice",
    ),
)

BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}
BY_VERB: dict[Verb, ActionSpec] = {spec.verb: spec for spec in ACTIONS if spec.verb is not None}


def key_clashes(specs: Iterable[ActionSpec] = ACTIONS) -> list[tuple[str, str, str]]:
    """(scope, key, ids) of every key given to two actions that can be pressed at the same time.

    The window's keys work everywhere in the window, so a panel's key clashes with a window key too.
    """
    seen: dict[tuple[str, str], list[str]] = {}
    for spec in specs:
        if not spec.key:
            continue
        normal = QKeySequence(spec.key).toString(QKeySequence.SequenceFormat.PortableText)
        seen.setdefault((spec.scope, normal), []).append(spec.id)
    clashes = [(scope, key, ", ".join(ids)) for (scope, key), ids in seen.items() if len(ids) > 1]
    window_keys = {key: ids for (scope, key), ids in seen.items() if scope == WINDOW}
    clashes += [
        (scope, key, ", ".join(window_keys[key] + ids))
        for (scope, key), ids in seen.items()
        if scope != WINDOW and key in window_keys
    ]
    return clashes


def key_table_markdown() -> str:
    """The README's key table, in the language in force: keys, what they do, the command."""
    lines = ["| keys | what it does | command |", "|---|---|---|"]
    for spec in ACTIONS:
        if not spec.key:
            continue
        command = f"`{spec.verb.value}`" if spec.verb is not None else ""
        lines.append(f"| {spec.keys_words()} | {spec.help_words()} | {command} |")
    return "\n".join(lines) + "\n"
