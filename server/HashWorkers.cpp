#include "server/HashWorkers.h"

#include <QThread>

namespace gongdan {

HashWorkers::HashWorkers(int threads, int capacity, QObject* parent)
    : QObject(parent), m_capacity(std::max(1, capacity))
{
    m_pool.setMaxThreadCount(std::max(1, threads));
    m_pool.setThreadPriority(QThread::LowPriority);
    m_pool.setExpiryTimeout(-1); // the threads stay: no thread start on a sign-in
}

HashWorkers::~HashWorkers()
{
    m_pool.clear();
    m_pool.waitForDone();
}

int HashWorkers::defaultThreads()
{
    return std::max(1, QThread::idealThreadCount() / 2);
}

bool HashWorkers::submit(std::function<void()> work, std::function<void()> done)
{
    if (m_pending >= m_capacity)
        return false;
    ++m_pending;
    m_pool.start([this, work = std::move(work), done = std::move(done)] {
        work();
        // Queued to this object: dropped if it is gone by then (the destructor waits for this job first).
        QMetaObject::invokeMethod(
            this,
            [this, done] {
                --m_pending;
                done();
            },
            Qt::QueuedConnection);
    });
    return true;
}

} // namespace gongdan
