#pragma once

#include "domain/Notification.h"
#include "storage/Database.h"
#include "storage/Outbox.h"

namespace gongdan {

/// The signed-in user's notifications on this desk (workflows.md §9.7): the server's copies as pulled (record kind
/// `notification` in record_synced; the server sends a desk only its user's). Marking read writes read_at into the
/// copy at once and queues one notification.read intent in the same transaction; the server's answer comes back
/// with the next pull to this desk and to the user's other desks.
class NotificationInbox {
public:
    explicit NotificationInbox(Database& db);

    /// Newest first, at most `limit`; none older than the retention (Notification::kRetentionDays).
    QList<Notification> list(int limit = 200);
    int unreadCount();
    /// Marks read those of `ids` still unread; the ids it changed (none queued when none).
    Result<QStringList> markRead(const QStringList& ids);
    Result<QStringList> markAllRead();
    /// Opening a ticket reads its notifications.
    Result<QStringList> markTicketRead(const QString& ticketId);
    /// "Clear all": deletes every notification shown here at once (and those past the retention) and queues one
    /// notification.clear intent naming them, so one arriving meanwhile is not cleared unseen. The ids cleared.
    Result<QStringList> clearAll();

private:
    /// The oldest creation time still kept, as stored (ISO 8601 UTC; compares as text).
    QString keptSince() const;
    Result<QStringList> mark(const QStringList& ids, const QJsonObject& args);

    Database& m_db;
    Outbox m_outbox;
};

} // namespace gongdan
