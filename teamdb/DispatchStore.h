#pragma once

#include "domain/Dispatch.h"
#include "teamdb/ServerDatabase.h"

#include <QHash>
#include <QList>
#include <optional>

namespace gongdan {

/// One agent's presence as the team database keeps it.
struct PresenceRecord {
    QString userId;
    Presence presence = Presence::Offline;
    qint64 changedMs = 0;
    QString changedBy; ///< the user who set it (themselves, a supervisor), or "system" (missed offers, signed out)
    int misses = 0; ///< offers missed in a row

    QJsonObject toJson() const;
};

/// One offer of a ticket to an agent (server/Dispatcher).
struct DispatchOffer {
    QString ticketId;
    int baseVersion = 0; ///< the ticket's version the offer was decided on: unique with the ticket id
    QString userId;
    QString groupId;
    qint64 offeredMs = 0;
    qint64 expiresMs = 0;
    QString state; ///< open | accepted | missed | withdrawn
    QString explanation;

    QJsonObject toJson() const;
};

/// What automatic dispatch keeps in the team database (tables agent_presence and dispatch_offer, schema v11), and the
/// reads it needs about tickets: the group's queue and each agent's load. Writes run in the caller's transaction.
class DispatchStore {
public:
    explicit DispatchStore(ServerDatabase& database);

    std::optional<PresenceRecord> presence(const QString& userId);
    QList<PresenceRecord> presences();
    Status setPresence(const PresenceRecord& record);
    Status setMisses(const QString& userId, int misses);

    /// Locks the ticket's row for this transaction if it is still at `version` (a conditional UPDATE): false when
    /// another transaction changed it since it was read.
    Result<bool> claimTicket(const QString& ticketId, int version);
    /// Inserts the offer; fails (a database error) when an offer on this ticket version exists already.
    Status insertOffer(const DispatchOffer& offer);
    Status setOfferState(const QString& ticketId, int baseVersion, const QString& state);
    QList<DispatchOffer> openOffers();
    QList<DispatchOffer> offersOf(const QString& ticketId);
    /// The user's open offer on the ticket, if any.
    std::optional<DispatchOffer> openOffer(const QString& ticketId, const QString& userId);

    /// Ids of the group's tickets that wait: 待接单 with nobody assigned.
    Result<QStringList> queue(const QString& groupId);
    /// The statuses of the tickets assigned to the user (one entry per ticket).
    Result<QList<TicketStatus>> assignedStatuses(const QString& userId);
    /// The last offer made to the user (anywhere, and in the group), 0 when none.
    qint64 lastOfferMs(const QString& userId, const QString& groupId = {});

private:
    Status exec(const QString& sql, const QVariantList& values, const QString& what);
    QList<DispatchOffer> offersWhere(const QString& condition, const QVariantList& values);

    ServerDatabase& m_database;
};

} // namespace gongdan
