#pragma once

#include "sync/SyncJob.h"

namespace gongdan {

/// Pushes one batch of the outbox (POST /v1/sync/push): reads up to `batch` queued changes of the
/// signed-in user, sends them, and stores the server's answer to each (accepted, or refused with the
/// reason: a refused change leaves the queue like an accepted one, so it never blocks what follows). A
/// 409 that names a missing seq still stores the answers it carries, then fails with its code.
class PushJob : public SyncJob {
    Q_OBJECT

public:
    static constexpr int kDefaultBatch = 500;

    PushJob(SyncTransport& transport, WriterQueue& queue, QString clientId, int batch = kDefaultBatch,
        QObject* parent = nullptr);
    void start() override;
    /// A batch was sent and its answers stored: there may be more (false: the outbox had nothing to push, or
    /// the batch failed).
    bool sent() const { return m_sent; }

private:
    int m_batch;
    bool m_sent = false;
};

} // namespace gongdan
