#pragma once

#include "server/MutationApplier.h"
#include "teamdb/SnapshotReader.h"

#include <QObject>

namespace gongdan {

/// The sync protocol's server side (docs/ARCHITECTURE.md, "Sync"): push applies a device's intents
/// exactly once per (client, seq) in seq order, each in a savepoint of one transaction that also
/// records its result and the device's last applied seq; pull hands out the changes after a cursor
/// that the user may see, never skipping a committed one.
class SyncService : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxMutations = 500;
    static constexpr int kMaxPullLimit = 5000;

    /// Failpoints: push.crash_before_commit, push.crash_after_commit (the process ends there, as under
    /// kill -9), push.slow_commit (holds the push's locks 0–40 ms before committing).
    SyncService(SyncStore& store, UserRepository& users, const Clock& clock, const Failpoints& failpoints = {},
        QObject* parent = nullptr);

    /// {client_id} → {client_id, device_code, last_seq_applied, epoch}
    const Clock& clock() const { return m_clock; }

    Result<QJsonObject> registerClient(const UserRecord& user, const QJsonObject& body);
    /// {client_id, mutations: [{seq, mutation_id, name, entity_id, args, base_version?}]} →
    /// {results: […], last_seq_applied, device_code}; with "error" (sync.out_of_order) when a seq is
    /// missing: the mutations before it are applied, none after it.
    Result<QJsonObject> push(const UserRecord& user, const QJsonObject& body);
    /// → {changes: [{server_seq, entity, id, op, data}], next_cursor, has_more, epoch, last_seq_applied}
    /// `mineOnly`: only the rows of tickets assigned to the user (a new device pulls its own queue first).
    Result<QJsonObject> pull(const UserRecord& user, const QString& clientId, qint64 cursor, int limit,
        const QString& epoch, bool mineOnly = false, bool teamOnly = false);

    /// A page of the snapshot a new device starts from (SnapshotReader): the JSON body to send,
    /// {cursor, epoch, has_more, next_after, total (first page only), tickets: […]}, and where the next
    /// page starts when there is one. `cursor` is the change-log position read before the page: the page
    /// holds at least everything up to it, so a device that pulls from the smallest cursor of its pages
    /// misses nothing.
    struct SnapshotPage {
        QByteArray body;
        bool more = false;
        QString nextAfter;
    };
    Result<SnapshotPage> snapshot(const UserRecord& user, SnapshotReader::Part part, SnapshotReader::Content content,
        const QString& afterId, int limit, const QString& epoch);
    /// One intent from the REST API (no device, no seq): applied by the same rules in its own transaction,
    /// and the workstations poked. The applied result, or the rejection as an Error.
    Result<QJsonObject> applyOne(const UserRecord& user, const Mutation& mutation);
    /// One batch of an SLA recompute (server/SlaRecompute): the open tickets after `afterId`, at most `limit`, their
    /// due times stamped again in one transaction. The batch's last id (empty: no more) and how many moved.
    struct RestampBatch {
        QString lastId;
        int tickets = 0;
        int moved = 0;
    };
    Result<RestampBatch> restampOpenTickets(const QString& afterId, int limit, const QString& mutationId);
    MutationApplier& applier() { return m_applier; }
    SyncStore& store() { return m_store; }

Q_SIGNALS:
    /// A business calendar or SLA policy changed (committed): open tickets' clocks must be counted again.
    void slaSettingsChanged();
    /// A push committed changes up to `serverSeq` in these scopes (the WebSocket pokes listen).
    void committed(qint64 serverSeq, const QList<gongdan::ChangeScope>& scopes);

private:
    Result<QList<Mutation>> readMutations(const QJsonObject& body);

    /// sync.resync_required when the device synced with another history.
    /// The database's epoch now; sync.resync_required when `epoch` (a device's) is another.
    Result<QString> checkEpoch(const QString& epoch) const;

    SyncStore& m_store;
    const Clock& m_clock;
    MutationApplier m_applier;
    SnapshotReader m_snapshots;
    Failpoints m_failpoints;
};

} // namespace gongdan
