#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "storage/Outbox.h"

#include <QCoreApplication>
#include <QStringList>

namespace gongdan {

/// What a rebuild did, for the message shown to the agent.
struct RecoveryReport {
    QString damagedCopy; ///< where the damaged file was moved (never deleted)
    int salvaged = 0; ///< queued changes read back from the damaged file
    int reapplied = 0; ///< of those, re-applied to the fresh local data
    QStringList notReapplied; ///< "seq name: reason"; still queued for the server, only not visible locally
    bool identityKept = false; ///< the device kept its client id and sequence numbers
};

/// Rebuilds a damaged or unreadable local store without losing unsynced work: reads every outbox entry
/// (and the device's identity) that can still be read, moves the damaged files aside, creates a fresh
/// store at the same path, re-queues the entries with their original sequence numbers and replays them
/// so the agent sees their own changes again. Data that had come from the server returns with the next
/// sync.
class CacheRecovery {
    Q_DECLARE_TR_FUNCTIONS(CacheRecovery)

public:
    static Result<RecoveryReport> rebuild(const QString& path, const Clock& clock);

    /// The team directory as far as it can be read back: the rules that re-apply the queue need each
    /// person's role and groups (who may accept or be given a ticket).
    struct Directory {
        QList<QStringList> groups; ///< id, name_zh, name_en, active
        QList<QStringList> agents; ///< id, login, name, role, group_id, groups
    };

    /// The outbox entries readable from a (possibly damaged) store file, in seq order; the directory too
    /// when asked for.
    static QList<OutboxEntry> salvageOutbox(
        const QString& path, QString* clientId, qint64* nextSeq, Directory* directory = nullptr);

private:
    static QList<OutboxEntry> salvageFrom(
        const QString& path, QString* clientId, qint64* nextSeq, Directory* directory);
};

} // namespace gongdan
