#pragma once

#include "domain/Clock.h"
#include "teamdb/ServerDatabase.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace gongdan {

/// Who acted and from where: a signed-in user (id and login), or for a failed sign-in the login tried;
/// the peer address ("cli" for the admin tool) and the client (a device's client id for a sync push,
/// "api" for REST).
struct AuditActor {
    QString userId;
    QString login;
    QString address;
    QString client;
};

/// One entry of the audit trail, as stored. `hash` is SHA-256 over AuditLog::canonical() of the entry,
/// which includes `prevHash`, the hash of the entry before it.
struct AuditEntry {
    qint64 seq = 0;
    qint64 atMs = 0;
    AuditActor actor;
    QString kind;
    QString entity;
    QString entityId;
    QString detail; ///< compact JSON text, hashed exactly as stored
    QString prevHash;
    QString hash;

    QJsonObject toJson() const;
};

/// What an admin asks the trail for (GET /api/v1/audit); empty fields do not filter. Newest first.
struct AuditFilter {
    QString actor; ///< a user id or login
    QString kind;
    QString entity; ///< the target's entity ("ticket", "user", …) …
    QString entityId; ///< … and optionally its id
    std::optional<qint64> sinceMs; ///< at_ms >= since
    std::optional<qint64> untilMs; ///< at_ms < until
    qint64 beforeSeq = 0; ///< the cursor: entries with a smaller seq (0: from the newest)
    int limit = 100;
};

/// What `gongdan-server audit verify` found: ok, or the first entry (by seq) that was edited, inserted or
/// deleted, and what is wrong with it.
struct AuditVerdict {
    bool ok = true;
    qint64 entries = 0;
    qint64 seq = 0;
    QString problem;
    QString headHash; ///< the hash of the newest entry (ok only)
};

/// The team database's tamper-evident audit trail (requirements §10; docs/ARCHITECTURE.md, "Audit trail"):
/// an append-only table of entries, each chained to the one before by SHA-256, and an anchor in server_meta
/// ("audit_head": the newest entry's seq and hash) so that deleting the newest entries shows too.
///
/// append() must run inside the transaction of the change it records (ServerTransaction): the entry and the
/// change commit together or not at all. Appends are serialized by the anchor row, which every append
/// updates first (a row lock on PostgreSQL, the write lock on SQLite), so seqs are gapless and the chain
/// never forks. The server is single-threaded: the actor of the request being answered is kept here
/// (setActor) for the code below it that appends.
class AuditLog {
public:
    static constexpr int kMaxLimit = 500;

    AuditLog(ServerDatabase& database, const Clock& clock);
    ServerDatabase& database() const { return m_database; }

    /// Who the entries appended from now on are for (set when a request is authenticated or signs in).
    void setActor(const AuditActor& actor) { m_actor = actor; }
    const AuditActor& actor() const { return m_actor; }

    /// Appends an entry for the current actor; call inside the change's transaction.
    Status append(const QString& kind, const QString& entity, const QString& entityId, const QJsonObject& detail);
    /// The same for an explicit actor (a sync push names its user and device).
    Status append(const AuditActor& actor, const QString& kind, const QString& entity, const QString& entityId,
        const QJsonObject& detail);
    /// An event that changes nothing else (a refused sign-in), in a transaction of its own.
    Status appendAlone(const QString& kind, const QString& entity, const QString& entityId, const QJsonObject& detail);

    Result<QList<AuditEntry>> list(const AuditFilter& filter) const;
    /// Walks the whole chain from seq 1 and checks it against the anchor.
    Result<AuditVerdict> verify() const;
    /// The stored hash of entry `seq` (nullopt: there is none), to compare with a head noted elsewhere.
    Result<std::optional<QString>> hashAt(qint64 seq) const;

    /// For the masking feature (requirements §10): `fields` of `entity` `entityId` were shown unmasked to the
    /// current actor. In a transaction of its own.
    Status recordUnmask(const QString& entity, const QString& entityId, const QStringList& fields);

    /// The bytes an entry's hash is taken over: a version tag, then each field (seq, at_ms, actor id, actor
    /// login, address, client, kind, entity, entity id, detail, prev_hash) as "<UTF-8 length>:<bytes>\n".
    static QByteArray canonical(const AuditEntry& entry);
    static QString hashOf(const AuditEntry& entry);
    /// The prev_hash of entry 1.
    static QString genesisHash() { return QString(64, QLatin1Char('0')); }

private:
    ServerDatabase& m_database;
    const Clock& m_clock;
    AuditActor m_actor;
    /// The head as this transaction left it (its lock is held until the transaction ends): later appends
    /// in the same transaction need not read it again.
    quint64 m_headTransaction = 0;
    qint64 m_headSeq = 0;
    QString m_headHash;
};

} // namespace gongdan
