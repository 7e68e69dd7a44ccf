"""Answering a protocol card question: a narrative note, and the priority and flags it calls for."""

from __future__ import annotations

from dispatch.catalogue_files import load_default_protocols
from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.enums import IncidentStatus, Priority
from dispatch.domain.flags import format_flags, parse_flags
from dispatch.domain.protocols import ProtocolSet, answer_effect, protocol_note
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.incidents import active_unit_signs
from dispatch.services.snapshots import IncidentView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import Incident, IncidentNote

NOTE_KIND = NoteKind.PROTOCOL
_CLOSED = (IncidentStatus.CLOSED.value, IncidentStatus.CANCELLED.value)


def answer_question(
    ctx: ServiceContext,
    incident_id: int,
    card_code: str,
    question_id: str,
    answer_key: str,
    lang: str,
    protocols: ProtocolSet | None = None,
) -> IncidentView:
    """Record the answer as a note ("T: ... J: ..." in Indonesian, "Q: ... A: ..." in English) and apply
    what it means, in one transaction.

    The note is written in ``lang`` (the call-taker's language, as asked and heard), its marks too;
    notes already written are never rewritten. A priority is
    only ever raised, with the same audit row as a priority chosen on the form.
    """
    cards = protocols if protocols is not None else load_default_protocols()
    card = cards.get(card_code)
    if card is None:
        raise ServiceError(Refusal.NO_SUCH_PROTOCOL, card=card_code)
    try:
        question = card.question(question_id)
        answer = question.answer(answer_key)
    except KeyError as error:
        raise ServiceError(
            Refusal.NO_SUCH_PROTOCOL_ANSWER, card=card_code, question=question_id, key=answer_key
        ) from error
    now = ctx.clock.now()
    with unit_of_work(ctx) as work:
        session = work.session
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        if incident.status in _CLOSED:
            raise ServiceError(Refusal.INCIDENT_CLOSED, number=incident.number)
        if card.category != incident.category:
            # Its answers (and the priority they raise) would belong to another kind of emergency.
            raise ServiceError(Refusal.PROTOCOL_NOT_FOR_CATEGORY, card=card_code, category=incident.category)
        before_flags = parse_flags(incident.flags or "")
        effect = answer_effect(Priority(incident.priority), before_flags, answer)
        note = IncidentNote(
            incident_id=incident_id,
            at=now,
            author_id=ctx.actor.user_id,
            console_id=ctx.console_id,
            kind=NOTE_KIND,
            text=protocol_note(question, answer, lang),
        )
        session.add(note)
        session.flush()
        audit(
            session,
            ctx,
            AuditAction.INCIDENT_PROTOCOL_ANSWER,
            "incident",
            incident_id,
            card=card.category,
            question=question.id,
            answer=answer.key,
            note=note.id,
        )
        if effect.raised:
            before = incident.priority
            incident.priority = effect.priority.value
            audit(
                session,
                ctx,
                AuditAction.INCIDENT_UPDATE,
                "incident",
                incident_id,
                field="priority",
                before=before,
                after=incident.priority,
                reason=f"protocol {card.category}.{question.id}={answer.key}",
            )
        if effect.new_flags:
            before_text = incident.flags or ""
            incident.flags = format_flags(before_flags | effect.new_flags)
            audit(
                session,
                ctx,
                AuditAction.INCIDENT_UPDATE,
                "incident",
                incident_id,
                field="flags",
                before=before_text,
                after=incident.flags,
            )
        incident.updated_at = now
        view = IncidentView.of(incident, active_unit_signs(session, incident_id))
        work.announce(Change(Topic.INCIDENTS, (incident_id,)), Change(Topic.NOTES, (incident_id,)))
    return view
