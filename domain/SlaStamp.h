#pragma once

#include "domain/SlaClock.h"

#include <QHash>

namespace gongdan {

/// The team's SLA configuration as both sides hold it: policies and the calendars they count in.
struct SlaSetup {
    QList<SlaPolicy> policies;
    QHash<QString, BusinessCalendar> calendars;
    bool empty() const { return policies.isEmpty(); }
    /// The calendar of `policy`; around the clock in Asia/Shanghai when it names none (or one not known).
    BusinessCalendar calendarOf(const SlaPolicy& policy) const;
};

/// Sets a ticket's due times from its SLA clocks (workflows.md §9.1): the response due time is the running first
/// response's, else the open next-response cycle's; the resolution due time the resolution clock's; a clock that
/// is paused or stopped has none (the queue says 已暂停). The server stamps every ticket it changes; a desk the
/// same way offline (its figure "likely" until the server's copy arrives).
class SlaStamp {
public:
    static SlaHistory historyOf(const Ticket& ticket, const QList<TicketEvent>& events, const QList<Comment>& comments);
    /// False (the ticket untouched) when no policy applies: the due times the rules set stay.
    static bool stamp(Ticket& ticket, const QList<TicketEvent>& events, const QList<Comment>& comments,
        const SlaSetup& setup, const QDateTime& now, const QJsonObject& extra = {});
};

} // namespace gongdan
