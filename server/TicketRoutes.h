#pragma once

#include "server/AuthService.h"
#include "server/SyncService.h"

#include <QHttpServer>

namespace gongdan {

/// The REST side of tickets for integrations and scripts: GET /api/v1/tickets (the caller's scope,
/// newest first, keyset pages) and POST (create); GET and PATCH /api/v1/tickets/<id> (also by number or
/// provisional reference); POST /api/v1/tickets/<id>/transitions (accept, transfer, close, … — checked
/// by the state machine); GET and POST /api/v1/tickets/<id>/comments; GET /api/v1/tickets/<id>/events (the
/// event log). Writes become the same intents a
/// workstation pushes (MutationApplier's rules) and poke the workstations like any push.
class TicketRoutes {
public:
    TicketRoutes(AuthService& auth, SyncStore& store, SyncService& sync, MutationApplier& applier, const Clock& clock);
    void install(QHttpServer& http);

private:
    QHttpServerResponse list(const QHttpServerRequest& request);
    QHttpServerResponse one(const QString& key, const QHttpServerRequest& request);
    QHttpServerResponse comments(const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse addComment(const QString& id, const QHttpServerRequest& request);
    /// The ticket's event log, oldest first, each with the acting user's id and login.
    QHttpServerResponse events(const QString& key, const QHttpServerRequest& request);
    QHttpServerResponse create(const QHttpServerRequest& request);
    QHttpServerResponse patch(const QString& key, const QHttpServerRequest& request);
    QHttpServerResponse transition(const QString& key, const QHttpServerRequest& request);
    /// POST {score, comment}: the customer's satisfaction for a closed ticket (a "rate" transition).
    QHttpServerResponse satisfaction(const QString& key, const QHttpServerRequest& request);
    /// POST {target_id} links the ticket to another (id, number or provisional reference); DELETE
    /// …/links/{other} unlinks them. Both recorded on the two tickets, decided by the rules as a pushed link.
    QHttpServerResponse link(const QString& key, const QString& unlinkFrom, const QHttpServerRequest& request);
    /// Applies the intent as the caller and answers with the ticket as it is now.
    QHttpServerResponse write(const UserRecord& user, const Mutation& mutation, QHttpServerResponse::StatusCode status);
    /// The signed-in caller and the ticket by id, number or alias, if they may read it (401 otherwise; 404
    /// ticket.not_found for a ticket they may not see, as the ticket rules say): what every route on one
    /// ticket starts with.
    Result<std::pair<UserRecord, Ticket>> readable(const QHttpServerRequest& request, const QString& key);

    AuthService& m_auth;
    SyncStore& m_store;
    SyncService& m_sync;
    MutationApplier& m_applier;
    const Clock& m_clock;
};

} // namespace gongdan
