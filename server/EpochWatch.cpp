#include "server/EpochWatch.h"

#include <utility>

namespace gongdan {

EpochWatch::EpochWatch(SyncStore& store, int intervalMs, QObject* parent)
    : QObject(parent), m_store(store), m_epoch(store.database().epoch())
{
    connect(&m_timer, &QTimer::timeout, this, &EpochWatch::check);
    m_timer.start(intervalMs);
}

void EpochWatch::check()
{
    const QString now = m_store.database().epoch();
    if (now.isEmpty() || now == m_epoch) // (empty: the database did not answer this time)
        return;
    const Result<qint64> counter = m_store.committedSeq();
    if (!counter)
        return; // told at the next tick
    const QString from = std::exchange(m_epoch, now);
    Q_EMIT restored(from, now, counter.value());
}

} // namespace gongdan
