#include "sync/SyncJob.h"

namespace gongdan {

SyncJob::SyncJob(SyncTransport& transport, WriterQueue& queue, QString clientId, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
    , m_queue(queue)
    , m_clientId(std::move(clientId))
    , m_generation(queue.generation())
{
}

bool SyncJob::stored(const StoreOutcome& outcome)
{
    if (!stored(outcome.status))
        return false;
    if (!outcome.tickets.isEmpty())
        Q_EMIT ticketsChanged(outcome.tickets);
    if (outcome.teamChanged)
        Q_EMIT teamChanged();
    return true;
}

bool SyncJob::stored(const Status& status)
{
    if (status)
        return true;
    Q_EMIT finished(SyncFailure::stored(status.error()));
    return false;
}

} // namespace gongdan
