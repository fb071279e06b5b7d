#pragma once

#include "AuthService.h"
#include "SyncService.h"

#include <QHttpServer>

namespace gongdan {

/// The REST side of tickets for integrations and scripts: GET /api/v1/tickets (the caller's scope,
/// newest first, keyset pages), GET /api/v1/tickets/<id> (also by number or provisional reference),
/// GET and POST /api/v1/tickets/<id>/comments. Writes go through the same rules as sync
/// (MutationApplier) and poke the workstations like any push.
class TicketRoutes {
public:
    TicketRoutes(AuthService& auth, SyncStore& store, SyncService& sync, MutationApplier& applier);
    void install(QHttpServer& http);

private:
    QHttpServerResponse list(const QHttpServerRequest& request);
    QHttpServerResponse one(const QString& key, const QHttpServerRequest& request);
    QHttpServerResponse comments(const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse addComment(const QString& id, const QHttpServerRequest& request);
    /// The ticket by id, number or alias, if the caller may read it (404 / 403 otherwise).
    Result<Ticket> readable(const UserRecord& user, const QString& key);

    AuthService& m_auth;
    SyncStore& m_store;
    SyncService& m_sync;
    MutationApplier& m_applier;
};

} // namespace gongdan
