#pragma once

#include "Database.h"

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
    QString state;
    int attempts = 0;
    QString lastError;
    qint64 createdLocalMs = 0;
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
    qint64 count();
    QString clientId();
    qint64 nextSeq();

    static OutboxEntry fromQuery(const QSqlQuery& query);
    static QString columns();

private:
    Database& m_db;
};

} // namespace gongdan
