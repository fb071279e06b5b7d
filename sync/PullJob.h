#pragma once

#include "sync/SyncJob.h"

namespace gongdan {

/// Pulls the server's change log from the cache's cursor (GET /v1/sync/pull), page after page, until it
/// is caught up; each page is decoded and stored on the store's thread, cursor and epoch with it. An
/// empty cache (cursor 0: never synced, or a rebuild) is not pulled: the job ends at once with
/// needsFirstSync(), which is the FirstSyncJob's.
class PullJob : public SyncJob {
    Q_OBJECT

public:
    static constexpr int kDefaultPage = 1000;

    PullJob(SyncTransport& transport, WriterQueue& queue, QString clientId, int page = kDefaultPage,
        QObject* parent = nullptr);
    void start() override;
    /// The cache is empty: nothing was pulled, a first sync comes first.
    bool needsFirstSync() const { return m_needsFirstSync; }
    /// Pages stored so far.
    int pages() const { return m_pages; }

private:
    void next();

    int m_page;
    int m_pages = 0;
    bool m_needsFirstSync = false;
};

} // namespace gongdan
