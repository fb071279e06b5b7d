#pragma once

#include "server/AuthService.h"
#include "server/Dispatcher.h"

#include <QHttpServer>

namespace gongdan {

/// Presence over REST (workflows.md §9.3), for anyone signed in:
///   GET /api/v1/presence → {"presence": [{user_id, presence, changed_at, changed_by, misses}]} (a user never set is
///     not listed: 离线);
///   PUT /api/v1/presence {"presence": "online" | "busy" | "away" | "offline", "user_id"?} → the record; another
///     person's presence only by supervisors and admins (audited: presence_change).
/// Dispatch settings are team records (RecordRoutes: /api/v1/dispatch-settings).
class DispatchRoutes {
public:
    DispatchRoutes(AuthService& auth, Dispatcher& dispatcher);
    void install(QHttpServer& http);

private:
    QHttpServerResponse list(const QHttpServerRequest& request);
    QHttpServerResponse set(const QHttpServerRequest& request);

    AuthService& m_auth;
    Dispatcher& m_dispatcher;
};

} // namespace gongdan
