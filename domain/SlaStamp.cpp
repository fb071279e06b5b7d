#include "domain/SlaStamp.h"

namespace gongdan {

BusinessCalendar SlaSetup::calendarOf(const SlaPolicy& policy) const
{
    const auto found = calendars.constFind(policy.calendarId);
    return found != calendars.constEnd() ? *found : BusinessCalendar::allDay();
}

SlaHistory SlaStamp::historyOf(const Ticket& ticket, const QList<TicketEvent>& events, const QList<Comment>& comments)
{
    SlaHistory history;
    history.createdAt = ticket.createdAt.toSecsSinceEpoch();
    history.priority = ticket.priority;
    history.initialStatus = ticket.status;
    bool firstMove = true;
    for (const TicketEvent& event : events) {
        if (event.kind == QLatin1String("status")) {
            const auto to = EnumText<TicketStatus>::fromKey(event.newValue);
            if (!to)
                continue;
            if (firstMove) { // the status it was created in: where the first move started
                history.initialStatus = EnumText<TicketStatus>::fromKey(event.oldValue).value_or(TicketStatus::New);
                firstMove = false;
            }
            history.facts.append({event.at.toSecsSinceEpoch(), SlaFact::Kind::Moved, *to});
        } else if (event.kind == QLatin1String("call")) {
            history.facts.append({event.at.toSecsSinceEpoch(), SlaFact::Kind::CallAnswered, TicketStatus::New});
        }
    }
    for (const Comment& comment : comments) {
        if (!comment.originTicketId.isEmpty())
            continue; // moved here by a merge: it answered another ticket
        history.facts.append({comment.createdAt.toSecsSinceEpoch(),
            comment.visibility == CommentVisibility::Public ? SlaFact::Kind::PublicReply : SlaFact::Kind::InternalNote,
            TicketStatus::New});
    }
    return history;
}

bool SlaStamp::stamp(Ticket& ticket, const QList<TicketEvent>& events, const QList<Comment>& comments,
    const SlaSetup& setup, const QDateTime& now, const QJsonObject& extra)
{
    const SlaPolicy* policy = SlaPolicy::choose(setup.policies, ticket, extra);
    if (!policy)
        return false;
    const QList<SlaClock> clocks = SlaClocks::rebuild(
        historyOf(ticket, events, comments), *policy, setup.calendarOf(*policy), now.toSecsSinceEpoch());
    const auto instant = [](const std::optional<qint64>& secs) {
        return secs ? QDateTime::fromSecsSinceEpoch(*secs, Qt::UTC) : QDateTime();
    };
    QDateTime response;
    QDateTime resolution;
    for (const SlaClock& clock : clocks) {
        if (clock.metric == SlaMetric::Accept)
            continue; // (escalation only: no due time of its own on the ticket)
        if (clock.metric == SlaMetric::Resolution)
            resolution = clock.state == SlaClock::State::Running || clock.state == SlaClock::State::Fulfilled
                ? instant(clock.dueAt)
                : QDateTime();
        else if (clock.state == SlaClock::State::Running && !response.isValid())
            response = instant(clock.dueAt); // the first response first, then the open next-response cycle
    }
    ticket.responseDueAt = response;
    ticket.resolutionDueAt = resolution;
    return true;
}

} // namespace gongdan
