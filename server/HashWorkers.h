#pragma once

#include <QObject>
#include <QThreadPool>
#include <functional>

namespace gongdan {

/// A few threads for the slow, CPU- and memory-heavy password work (Argon2id: tens of milliseconds and 64 MiB
/// each), so the request thread keeps answering while it runs. The queue is bounded: when `capacity` jobs are
/// already waiting or running, submit() refuses at once (the route answers 503 auth.busy) instead of building a
/// backlog an attacker could grow without end. The threads run at nice 10, so the request thread (and the database)
/// come first when the cores are busy.
class HashWorkers : public QObject {
    Q_OBJECT

public:
    HashWorkers(int threads, int capacity, QObject* parent = nullptr);
    /// Waits for the jobs running; their `done` is not called any more.
    ~HashWorkers() override;

    /// Runs `work` on a worker thread, then `done` on this object's thread (the request thread). `work` must not
    /// touch what `done` does until then. False, with nothing run, when the queue is full.
    bool submit(std::function<void()> work, std::function<void()> done);
    int pending() const { return m_pending; }
    int capacity() const { return m_capacity; }
    /// Half the machine's cores, at least one: the request thread keeps a core for itself.
    static int defaultThreads();

private:
    QThreadPool m_pool;
    int m_capacity;
    int m_pending = 0; ///< waiting or running, touched on this object's thread only
};

} // namespace gongdan
