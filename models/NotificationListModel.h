#pragma once

#include "storage/ChangeStream.h"
#include "storage/NotificationInbox.h"

#include <QAbstractListModel>
#include <QSet>

namespace gongdan {

/// The signed-in user's notifications for the notification centre (ui/notify): newest first, unread in bold, each
/// "type label · ticket number subject" with its time. Reloads when a pull brings team records (notifications are
/// among them) and after marking read here; tells the unread count and which notifications are new since it last
/// looked (the desktop toast).
class NotificationListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Roles { IdRole = Qt::UserRole + 1, TicketIdRole, TypeRole, UnreadRole, TimeRole, TypeLabelRole };

    NotificationListModel(NotificationInbox& inbox, ChangeStream& changes, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    int unreadCount() const { return m_unread; }
    Notification at(int row) const { return m_rows.value(row); }
    /// The words for a notification type in the interface language.
    static QString typeLabel(const QString& type);

    /// Reads the store again; new unread notifications are announced (not on the first load).
    void reload();
    void markRead(int row);
    void markAllRead();
    void markTicketRead(const QString& ticketId);
    /// "Open all unread" (§9.7): the tickets of the unread notifications, each once, oldest first (the newest ends up
    /// in front); those notifications are read, @mentions too (opened on purpose).
    QStringList openAllUnread();
    /// "Clear all": every notification gone from the list, on this desk now and on the user's others with the sync.
    void clearAll();

Q_SIGNALS:
    void unreadCountChanged(int count);
    /// Unread notifications that were not there before (for a desktop toast).
    void arrived(const QList<gongdan::Notification>& fresh);
    /// Marking read failed in the store (shown in the status bar).
    void failed(const QString& message);

private:
    NotificationInbox& m_inbox;
    QList<Notification> m_rows;
    QSet<QString> m_known;
    bool m_loaded = false;
    int m_unread = 0;
};

} // namespace gongdan
