#include "sync/SyncEngine.h"

#include "sync/ConnectionTiming.h"
#include "sync/FirstSyncJob.h"
#include "sync/PullJob.h"
#include "sync/PushJob.h"
#include "sync/RegisterJob.h"

namespace gongdan {

using namespace connection;

SyncEngine::SyncEngine(
    Database& db, SyncCache& cache, CoreNumbering numbering, const Failpoints& failpoints, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_cache(cache)
    , m_outbox(db)
    , m_queue(std::make_unique<WriterQueue>(db.path(), db.clock(), numbering, failpoints))
{
    connect(m_queue->writer(), &SyncWriter::searchIndexProgress, this, &SyncEngine::searchIndexProgress);
    connect(
        m_queue->writer(), &SyncWriter::searchingChanged, this, [this](bool searching) { m_searching = searching; });
    m_fetcher = new SnapshotFetcher;
    m_fetcher->moveToThread(&m_worker);
    m_worker.setObjectName(QStringLiteral("gongdan-snapshot"));
    m_worker.start();
    m_clientId = m_outbox.clientId();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::cycle);
    connect(&m_periodic, &QTimer::timeout, this, &SyncEngine::cycle);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0); // writes of one event-loop turn go together; nothing waits longer
    connect(&m_debounce, &QTimer::timeout, this, &SyncEngine::cycle);
    connect(&m_pokes, &PokeSocket::becameReady, this, &SyncEngine::pokesReady);
    connect(&m_pokes, &PokeSocket::lost, this, &SyncEngine::pokesLost);
    connect(&m_pokes, &PokeSocket::poked, this, [this](qint64 seq) {
        if (seq > m_cache.cursor())
            cycle();
    });
}

SyncEngine::~SyncEngine()
{
    m_running = false;
    disconnect(&m_pokes, nullptr, this, nullptr);
    // The jobs first (the current one and those abandoned), so that nothing answers into them any more.
    qDeleteAll(findChildren<SyncJob*>(Qt::FindDirectChildrenOnly));
    m_job = nullptr;
    m_firstSync = nullptr;
    // The writer ends a load still running and closes its connection on its own thread, after the tasks
    // already asked for; what it would report back is dropped with the queue.
    m_queue.reset();
    // The fetcher (and its network access) is deleted on its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_fetcher, [fetcher = m_fetcher] { delete fetcher; }, Qt::BlockingQueuedConnection);
    m_worker.quit();
    m_worker.wait();
}

void SyncEngine::start(const QUrl& server, const QString& token)
{
    m_transport.setServer(server, token);
    // The signed-in user's own client on this store (SyncCache::claimFor made the store theirs).
    if (auto mine = m_db.signedInUser().isEmpty() ? Result<SyncIdentity>(SyncIdentity {{}, m_outbox.clientId(), 1})
                                                  : m_outbox.identity(m_db.signedInUser()))
        m_clientId = mine.value().clientId;
    m_queue->post([user = m_db.signedInUser()](SyncWriter& writer) { writer.setSignedInUser(user); });
    m_running = true;
    m_registered = false;
    m_backoff.reset();
    m_periodic.start(kPullWhileSocketDownMs);
    m_pokes.open(server, token);
    cycle();
}

void SyncEngine::stop()
{
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher] { fetcher->cancel(); });
    m_running = false;
    m_queue->advance(); // what was asked for before is not wanted any more: the cycle ends here
    abandonJob();
    m_inCycle = false;
    m_again = false;
    m_retry.stop();
    m_periodic.stop();
    m_debounce.stop();
    m_pokes.close();
    setState(State::Stopped);
}

void SyncEngine::changesQueued()
{
    Q_EMIT waitingChanged(waiting());
    if (m_running)
        m_debounce.start();
}

void SyncEngine::syncNow()
{
    if (m_running)
        cycle();
}

qint64 SyncEngine::waiting()
{
    return m_outbox.waiting();
}

bool SyncEngine::storingQueue() const
{
    return m_firstSync && m_firstSync->storingQueue();
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncEngine::cycle()
{
    if (!m_running || m_state == State::SignedOut)
        return;
    if (m_inCycle) {
        m_again = true; // one more cycle when this one ends: the change may have missed it
        return;
    }
    m_inCycle = true;
    m_retry.stop();
    if (m_state != State::Offline) // while offline the window keeps saying so until the server answers
        setState(State::Syncing);
    if (m_registered)
        pushNext();
    else
        registerDevice();
}

void SyncEngine::adopt(SyncJob* job)
{
    if (m_job)
        m_job->deleteLater(); // it finished: this runs inside its finished()
    m_job = job;
    m_firstSync = nullptr;
    connect(job, &SyncJob::answered, this, &SyncEngine::answered);
    connect(job, &SyncJob::ticketsChanged, this, &SyncEngine::ticketsChanged);
    connect(job, &SyncJob::teamChanged, this, &SyncEngine::teamChanged);
}

void SyncEngine::abandonJob()
{
    if (!m_job)
        return;
    m_job->disconnect(this);
    m_job->deleteLater();
    m_job = nullptr;
    m_firstSync = nullptr;
}

void SyncEngine::registerDevice()
{
    auto* job = new RegisterJob(m_transport, *m_queue, m_clientId, this);
    adopt(job);
    connect(job, &SyncJob::finished, this, [this](const SyncFailure& failure) {
        if (failure.failed())
            return fail(failure);
        m_registered = true;
        pushNext();
    });
    job->start();
}

void SyncEngine::pushNext()
{
    auto* job = new PushJob(m_transport, *m_queue, m_clientId, PushJob::kDefaultBatch, this);
    adopt(job);
    connect(job, &SyncJob::finished, this, [this, job](const SyncFailure& failure) {
        if (job->sent())
            Q_EMIT waitingChanged(waiting());
        if (failure.failed()) // (after a 409, nothing more until the missing seq is resolved)
            return fail(failure);
        if (job->sent())
            return pushNext();
        pullNext();
    });
    job->start();
}

void SyncEngine::pullNext()
{
    auto* job = new PullJob(m_transport, *m_queue, m_clientId, PullJob::kDefaultPage, this);
    adopt(job);
    connect(job, &SyncJob::finished, this, [this, job](const SyncFailure& failure) {
        if (failure.failed())
            return fail(failure);
        if (job->needsFirstSync())
            return firstSync();
        finish();
    });
    job->start();
}

void SyncEngine::firstSync()
{
    auto* job = new FirstSyncJob(m_transport, *m_queue, m_clientId, m_fetcher, this);
    adopt(job);
    m_firstSync = job;
    connect(job, &FirstSyncJob::ownQueueReady, this, &SyncEngine::ownQueueReady);
    connect(job, &FirstSyncJob::firstSyncProgress, this, &SyncEngine::firstSyncProgress);
    connect(job, &FirstSyncJob::queueReady, this, &SyncEngine::queueReady);
    connect(job, &FirstSyncJob::conversationProgress, this, &SyncEngine::conversationProgress);
    connect(job, &SyncJob::finished, this, [this](const SyncFailure& failure) {
        if (failure.failed())
            return fail(failure);
        pullNext(); // from the oldest point a snapshot page was read at
    });
    job->start();
}

void SyncEngine::answered()
{
    if (m_state == State::Offline)
        setState(State::Syncing);
}

void SyncEngine::finish()
{
    m_inCycle = false;
    m_backoff.reset();
    m_lastError.clear();
    m_lastSynced = m_db.clock().now();
    setState(State::Idle);
    Q_EMIT waitingChanged(waiting());
    Q_EMIT synced();
    if (std::exchange(m_again, false))
        cycle();
}

void SyncEngine::fail(const SyncFailure& failure)
{
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher] { fetcher->cancel(); });
    m_inCycle = false;
    // A first sync's load ends (indexes back; the retry carries on row by row from the cursor reached),
    // and its events set aside are dropped (they come again). An unfinished first sync starts over (what it
    // stored is overwritten in place).
    m_queue->post([](SyncWriter& writer) { writer.failed(); });
    m_queue->advance();
    abandonJob();
    m_again = false;
    const Error& error = failure.error;
    if (failure.kind == SyncFailure::Kind::SignInRequired) {
        m_lastError = error.message;
        m_pokes.close();
        setState(State::SignedOut);
        Q_EMIT signInRequired(m_lastError);
        return;
    }
    if (error.code == QLatin1String("sync.resync_required")) {
        // Another history on the server: rebuild the server copies from scratch; queued changes stay.
        setState(State::Syncing);
        m_queue->store(
            this, [](SyncWriter& writer) { return writer.resetForResync(); },
            [this](const Status& reset) {
                if (reset) {
                    m_registered = false;
                    m_retry.start(0);
                    return;
                }
                m_lastError = reset.error().message;
                setState(State::Failed);
                m_retry.start(m_backoff.next());
            });
        return;
    }
    const bool unreachable = failure.kind == SyncFailure::Kind::Unreachable;
    if (unreachable || failure.kind == SyncFailure::Kind::StoreRefused || !error.code.isEmpty())
        m_lastError = error.message;
    setState(unreachable ? State::Offline : State::Failed);
    // Not reachable: try again soon (the window is back in step within seconds of the server); a server
    // that answers with errors, or a store that refused, is given the slow backoff.
    m_retry.start(unreachable ? reconnectDelay() : m_backoff.next());
}

} // namespace gongdan
