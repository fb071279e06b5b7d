#pragma once

#include "storage/Database.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace gongdan {

/// One queued intent (ticket.create, ticket.patch, ticket.transition, comment.add, customer.upsert, ...).
struct OutboxEntry {
    qint64 seq = 0; ///< per-device, only grows, never reused (client_meta.next_seq survives a rebuild)
    QString mutationId;
    QString name;
    QString entityId;
    QJsonObject args; ///< always carries payload_version
    std::optional<int> baseVersion;
    QString state; ///< pending | acked (the server applied it; kept until a pull delivers it) | rejected
    int attempts = 0;
    QString lastError;
    qint64 createdLocalMs = 0;
    std::optional<qint64> ackedServerSeq;
    QString userId; ///< whose change it is: pushed only while they are signed in (empty: whoever is)
    qint64 pushSeq = 0; ///< its number in its user's sequence (the `seq` the server sees; SyncIdentity)
};

/// A user's identity as a sync client of this store: the client id the server knows them by here and the
/// next number of their sequence (the server applies a client's intents in an unbroken sequence).
struct SyncIdentity {
    QString userId;
    QString clientId;
    qint64 nextSeq = 1;
};

/// The durable queue of named intents the sync engine will push. append() must run inside the
/// transaction that changes the data, so data and outbox can never disagree.
class Outbox {
public:
    static constexpr int kPayloadVersion = 1;

    explicit Outbox(Database& db);

    Result<OutboxEntry> append(
        const QString& name, const QString& entityId, QJsonObject args, std::optional<int> baseVersion = std::nullopt);
    /// Re-queues an entry salvaged from a damaged store under its original seq and mutation id.
    Status restore(const OutboxEntry& entry);
    QList<OutboxEntry> entries(qint64 afterSeq = 0, int limit = 1000);
    /// Entries of the signed-in user (Database::signedInUser) the server has not answered yet, in seq
    /// order: what the next push sends. Another user's wait for them.
    QList<OutboxEntry> pending(int limit);
    /// Entries of one entity whose effect the pulled server copy does not show yet: pending, or acked
    /// with a server_seq above `cursor`. In seq order: what a rebase re-applies.
    QList<OutboxEntry> undelivered(const QString& entityId, qint64 cursor);
    /// The server applied it (or already had it): kept until the pull passes `serverSeq`.
    Status markAcked(qint64 seq, qint64 serverSeq);
    /// The server refused it; kept with the reason, never sent again.
    Status markRejected(qint64 seq, const QString& error);
    /// Drops acked entries the pull has delivered (server_seq ≤ cursor), and the events they wrote here that
    /// the server's copies did not replace; how many entries.
    Result<int> dropDelivered(qint64 cursor);
    qint64 count();
    /// The signed-in user's changes still waiting for the server (pending), for the status bar and banner.
    qint64 waiting();
    /// Changes other users queued on this store, waiting for them to sign in here again.
    qint64 waitingForOthers();
    /// The device's own client id (client_meta): the store's first user's identity.
    QString clientId();
    qint64 nextSeq();
    /// The sync identity of `userId` on this store, made when they have none: the first user takes the
    /// device's client id and numbering, every later one a client id of their own.
    Result<SyncIdentity> identity(const QString& userId);

    static OutboxEntry fromQuery(const QSqlQuery& query);
    static QString columns();

private:
    Database& m_db;
};

} // namespace gongdan
