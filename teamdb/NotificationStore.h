#pragma once

#include "domain/Notification.h"
#include "teamdb/ServerDatabase.h"

#include <QSet>

namespace gongdan {

/// One escalation level's firing (or its cancellation: the clock was fulfilled before it came).
struct EscalationFiring {
    QString key; ///< ticket:metric:cycle:level
    QString ticketId;
    QString metric;
    int cycle = 1;
    int level = 1;
    QString kind; ///< fire | cancel
    qint64 reachedMs = 0;
    qint64 firedMs = 0;
    bool late = false;
};

/// The team database's escalation firings and per-user notifications (tables escalation_firing, notification).
/// Writes run inside the caller's transaction, beside the effects and change-log rows they go with.
class NotificationStore {
public:
    explicit NotificationStore(ServerDatabase& database);

    /// Records the firing unless its key is already there: true when this call wrote it. On PostgreSQL a second
    /// process inserting the same key waits for the first one's transaction and then writes nothing.
    Result<bool> claim(const EscalationFiring& firing);
    /// The keys fired or cancelled for a ticket.
    Result<QSet<QString>> firedKeys(const QString& ticketId);
    Result<QList<EscalationFiring>> firings(const QString& ticketId);

    /// `delivered`: logged for the user's desks now; else held until `notifyMs` (quiet hours).
    Status insert(const Notification& notification, qint64 notifyMs, bool delivered);
    /// Held notifications whose time has come, oldest first, at most `limit`.
    Result<QList<Notification>> heldUntil(qint64 nowMs, int limit);
    Status setDelivered(const QString& id);
    /// The earliest instant a held notification goes out, if any.
    Result<std::optional<qint64>> nextHeld();
    /// A user's delivered notifications, newest first, at most `limit`; `unreadOnly` leaves out the read ones.
    Result<QList<Notification>> forUser(const QString& userId, int limit, bool unreadOnly);
    /// Marks read the user's unread delivered notifications among `ids` (all of them when `all`), or those of
    /// `ticketId` when given; the ones it changed.
    Result<QList<Notification>> markRead(
        const QString& userId, const QStringList& ids, bool all, const QString& ticketId, qint64 nowMs);

    /// Deletes the user's delivered notifications among `ids` (all of them when `all`): "clear all" (§9.7). The ids
    /// it deleted.
    Result<QStringList> remove(const QString& userId, const QStringList& ids, bool all);
    /// Deletes every notification created before `beforeMs` (the 90-day retention); how many.
    Result<int> prune(qint64 beforeMs);

private:
    Result<QList<Notification>> read(const QString& sql, const QVariantList& values);

    ServerDatabase& m_database;
};

} // namespace gongdan
