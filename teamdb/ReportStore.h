#pragma once

#include "domain/Result.h"
#include "domain/Ticket.h"
#include "teamdb/ServerDatabase.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace gongdan {

/// The reads a report needs from the team database (server/ReportRunner): the tickets in id order a page at a time,
/// each with its event log, its conversation and its customer's level and region — four queries per page, whatever
/// its size, so a report over every ticket holds one page in memory at a time.
class ReportStore {
public:
    struct Item {
        Ticket ticket;
        QList<TicketEvent> events;
        QList<Comment> comments;
        QJsonObject extra; ///< customer_level, region (the customer's)
    };

    explicit ReportStore(ServerDatabase& database) : m_database(database) { }

    /// At most `limit` tickets with ids after `afterId`, of the groups `groupIds` (nullopt: every group).
    Result<QList<Item>> page(const std::optional<QStringList>& groupIds, const QString& afterId, int limit);

private:
    ServerDatabase& m_database;
};

} // namespace gongdan
