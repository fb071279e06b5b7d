#include "server/HashWorkers.h"

#include <QThread>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace gongdan {

namespace {

/// Nice 10 for the calling thread (on Linux the nice value is per thread). QThread::LowPriority does nothing for
/// SCHED_OTHER threads, and IdlePriority (SCHED_IDLE) would starve sign-ins on a busy host.
void lowerThisThread()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#if defined(Q_OS_LINUX)
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
}

} // namespace

HashWorkers::HashWorkers(int threads, int capacity, QObject* parent)
    : QObject(parent), m_capacity(std::max(1, capacity))
{
    m_pool.setMaxThreadCount(std::max(1, threads));
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
        lowerThisThread();
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
