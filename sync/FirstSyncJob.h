#pragma once

#include "sync/SyncJob.h"

namespace gongdan {

class SnapshotFetcher;

/// The first sync into an empty cache (docs/ARCHITECTURE.md, "Sync"), in phases, tickets before comments:
/// snapshot pages of the user's own tickets (then ownQueueReady), the team-wide records (users, groups,
/// customers, definitions, categories) from the change log, snapshot pages of the rest of their tickets
/// without comments (then queueReady: the whole queue is usable), the own tickets' conversations, the
/// others'. It ends with the cursor set to the smallest one any of those pages was read at, from where the
/// PullJob goes on. Snapshot pages are fetched and decoded by `fetcher` on its own thread.
class FirstSyncJob : public SyncJob {
    Q_OBJECT

public:
    enum class Phase { None, Mine, Team, Rest, OwnConversations, Conversations };
    Q_ENUM(Phase)

    static constexpr int kTeamPage = 1000;
    // Tickets on a snapshot part's first page, and what its pages may grow to (SnapshotFetcher::grownLimit()).
    static constexpr int kSnapshotPage = 500;
    static constexpr int kLargestSnapshotPage = 2000;

    FirstSyncJob(SyncTransport& transport, WriterQueue& queue, QString clientId, SnapshotFetcher* fetcher,
        QObject* parent = nullptr);
    void start() override;

    Phase phase() const { return m_phase; }
    /// The queue's tickets are being stored (from the own ones until queueReady).
    bool storingQueue() const { return m_phase == Phase::Mine || m_phase == Phase::Team || m_phase == Phase::Rest; }
    /// Sets the snapshot's page sizes (tests make small pages to see several).
    void setSnapshotPages(int first, int largest);

Q_SIGNALS:
    void phaseChanged(gongdan::FirstSyncJob::Phase phase);
    /// The user's own tickets are stored: their queue is usable.
    void ownQueueReady();
    /// `done` of `total` tickets stored; done == total when every ticket is.
    void firstSyncProgress(qint64 done, qint64 total);
    /// Every ticket the user may see is stored: the whole queue is usable; the conversations follow.
    void queueReady();
    /// The conversations of `done` of `total` tickets are stored; done == total when every comment is.
    void conversationProgress(qint64 done, qint64 total);

private:
    void setPhase(Phase phase);
    void next();
    void snapshotPage(quint64 generation, gongdan::SnapshotPagePtr pagePtr);
    void snapshotStored(const SnapshotPage& page, const StoreOutcome& stored);
    void teamPage(const SyncReply& reply);
    /// The queue or the conversations are all stored: the next phase, or the end.
    void partDone();
    void fail(const SyncFailure& failure);

    SnapshotFetcher* m_fetcher; ///< lives on its own thread
    Phase m_phase = Phase::None;
    int m_firstPage = kSnapshotPage;
    int m_largestPage = kLargestSnapshotPage;
    qint64 m_teamCursor = 0;
    qint64 m_startCursor = -1; ///< the smallest cursor a page was read at: the pull goes on from there
    qint64 m_done = 0;
    qint64 m_total = 0;
    QString m_restLast; ///< the last ticket of the rest part: conversations are fetched up to it
    qint64 m_talkDone = 0; ///< tickets whose conversations are stored (the two conversation phases)
    qint64 m_talkTotal = 0;
    QString m_epoch;
};

} // namespace gongdan
