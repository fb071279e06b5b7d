#pragma once

#include "server/AuthService.h"
#include "server/SyncService.h"

#include <QHttpServer>

namespace gongdan {

/// The REST side of the signed-in user's notifications (server/Notifier):
///   /api/v1/notifications       GET (own only, newest first; unread=true, limit)
///   /api/v1/notifications/read  POST {ids: […]} | {all: true} | {ticket_id} → {read: [ids]}
/// Marking read is the notification.read intent a workstation pushes; the user's desks are poked.
class NotificationRoutes {
public:
    NotificationRoutes(AuthService& auth, SyncService& sync);
    void install(QHttpServer& http);

private:
    QHttpServerResponse list(const QHttpServerRequest& request);
    /// POST …/read {ids | all | ticket_id} marks the caller's notifications read; POST …/clear {ids | all} deletes
    /// them ("clear all"). Both as the notification.read / notification.clear intents a desk pushes.
    QHttpServerResponse read(const QHttpServerRequest& request, bool clear);

    AuthService& m_auth;
    SyncService& m_sync;
};

} // namespace gongdan
