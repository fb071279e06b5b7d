#pragma once

#include "sync/SyncWriter.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace gongdan {

/// The sync engine's SyncWriter on the store's own thread ("gongdan-sync-store"), and the one way to it
/// for the engine and its jobs: store(work, done) runs `work(SyncWriter&)` there, in the order asked, and
/// `done(result)` back on this object's thread — unless the generation moved on meanwhile (a failure or
/// stop(): what was asked for before is not wanted any more) or the object that asked is gone.
class WriterQueue : public QObject {
    Q_OBJECT

public:
    WriterQueue(const QString& path, const Clock& clock, CoreNumbering numbering, const Failpoints& failpoints,
        QObject* parent = nullptr);
    /// Ends a load still running and closes the writer's connection on its thread, after the tasks already
    /// asked for; what they would report back is dropped.
    ~WriterQueue() override;

    /// For connecting to the writer's signals (they arrive queued); never call it from this thread.
    SyncWriter* writer() const { return m_writer; }

    quint64 generation() const { return m_generation; }
    /// What was asked for before is not wanted any more.
    void advance() { ++m_generation; }

    template<typename Work, typename Done>
    void store(QObject* asker, Work work, Done done);
    /// Runs `work(SyncWriter&)` on the store's thread; nothing comes back.
    template<typename Work>
    void post(Work work);

private:
    QThread m_thread;
    SyncWriter* m_writer = nullptr;
    quint64 m_generation = 0;
};

template<typename Work, typename Done>
void WriterQueue::store(QObject* asker, Work work, Done done)
{
    QMetaObject::invokeMethod(m_writer,
        [this, writer = m_writer, work = std::move(work), done = std::move(done), generation = m_generation,
            asker = QPointer<QObject>(asker)]() mutable {
            auto result = work(*writer);
            QMetaObject::invokeMethod(this,
                [this, result = std::move(result), done = std::move(done), generation, asker = std::move(asker)]() {
                    if (generation == m_generation && asker)
                        done(result);
                });
        });
}

template<typename Work>
void WriterQueue::post(Work work)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, work = std::move(work)] { work(*writer); });
}

} // namespace gongdan
