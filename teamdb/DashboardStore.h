#pragma once

#include "domain/Result.h"
#include "domain/Ticket.h"
#include "teamdb/ServerDatabase.h"

#include <QList>
#include <functional>

namespace gongdan {

/// The reads the supervisor dashboard's aggregates need from the team database (server/DashboardAggregates): the
/// one recount when the server starts and the ticket rows of the change log after a cursor. Nothing here is read per
/// client or per request.
class DashboardStore {
public:
    explicit DashboardStore(ServerDatabase& database);

    /// Every ticket that is open (待接单, 处理中, 待客户确认, 待跟进) or was written at or after `sinceMs` (any ticket
    /// created or closed today was), handed to `each` one by one.
    Status liveTickets(qint64 sinceMs, const std::function<void(const Ticket&)>& each);
    /// The tickets the change log wrote after `cursor` (upserts, in seq order, at most `limit`); `cursor` moves to
    /// the last row read. False when there is nothing more.
    Result<bool> ticketChanges(qint64& cursor, int limit, const std::function<void(const Ticket&)>& each);
    /// The highest seq in the change log (where the stream starts after a recount).
    Result<qint64> lastSeq();

private:
    ServerDatabase& m_database;
};

} // namespace gongdan
