#pragma once

#include "sync/SyncTransport.h"
#include "sync/WriterQueue.h"

#include <QObject>
#include <QStringList>

namespace gongdan {

/// One step of the sync loop (register, push a batch, pull, the first sync): start() it once, and it ends
/// with one finished(failure) — failure.failed() false when it went through. It talks to the server
/// through the SyncTransport and stores through the WriterQueue; once the queue's generation moves on (a
/// failure elsewhere, stop()) it is inert: late answers and stored results are dropped, nothing more is
/// sent or stored, finished() never comes. The engine (sync/SyncEngine) decides which job runs next.
class SyncJob : public QObject {
    Q_OBJECT

public:
    /// `clientId`: the signed-in user's sync identity on this store (Outbox::identity).
    SyncJob(SyncTransport& transport, WriterQueue& queue, QString clientId, QObject* parent = nullptr);

    virtual void start() = 0;

Q_SIGNALS:
    /// The server answered a request (an offline engine is syncing again).
    void answered();
    /// Visible rows changed by what the job stored.
    void ticketsChanged(const QStringList& ticketIds);
    /// Users, groups, definitions or categories changed.
    void teamChanged();
    void finished(const gongdan::SyncFailure& failure);

protected:
    /// False once the generation moved on: this job's results are not wanted any more.
    bool live() const { return m_generation == m_queue.generation(); }
    /// The queue's generation this job belongs to.
    quint64 generation() const { return m_generation; }
    /// Tells the engine what a store write changed; false (after finished()) when the store refused it.
    bool stored(const StoreOutcome& outcome);
    /// Ends with finished() when the store refused `status`; true when it took it.
    bool stored(const Status& status);
    /// Sends a request; `done` runs only while the job is live.
    template<typename Done>
    void send(const QByteArray& verb, const QString& path, const QJsonObject& body, Done done)
    {
        if (!live())
            return;
        m_transport.send(verb, path, body, this, [this, done = std::move(done)](const SyncReply& reply) {
            if (live())
                done(reply);
        });
    }
    /// Runs `work(SyncWriter&)` on the store's thread, then `done(result)` here while the job is live.
    template<typename Work, typename Done>
    void store(Work work, Done done)
    {
        if (live())
            m_queue.store(this, std::move(work), std::move(done));
    }

    SyncTransport& m_transport;
    WriterQueue& m_queue;
    QString m_clientId;

private:
    quint64 m_generation;
};

} // namespace gongdan
