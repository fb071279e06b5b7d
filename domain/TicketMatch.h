#pragma once

#include "domain/Ticket.h"
#include "domain/TicketView.h"

#include <QJsonObject>

namespace gongdan {

/// The view condition language evaluated on one ticket in memory (storage/ViewQuery runs the same conditions as
/// SQL over the store): what SLA policies, triggers and dispatch rules match with, on the server and the desk
/// alike. `extra` supplies fields a ticket does not hold itself, such as "customer_level" (the customer's); "$me"
/// is `me`.
class TicketMatch {
public:
    static bool matches(const Ticket& ticket, MatchMode mode, const QList<ViewCondition>& conditions,
        const QJsonObject& extra = {}, const QString& me = {});
    static bool holds(
        const Ticket& ticket, const ViewCondition& condition, const QJsonObject& extra = {}, const QString& me = {});
};

} // namespace gongdan
