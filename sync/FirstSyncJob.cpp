#include "sync/FirstSyncJob.h"

#include "sync/SnapshotFetcher.h"

#include <QUrlQuery>

namespace gongdan {

FirstSyncJob::FirstSyncJob(
    SyncTransport& transport, WriterQueue& queue, QString clientId, SnapshotFetcher* fetcher, QObject* parent)
    : SyncJob(transport, queue, std::move(clientId), parent), m_fetcher(fetcher)
{
    connect(m_fetcher, &SnapshotFetcher::pageReady, this, &FirstSyncJob::snapshotPage); // queued: across threads
}

void FirstSyncJob::setSnapshotPages(int first, int largest)
{
    m_firstPage = first;
    m_largestPage = largest;
}

void FirstSyncJob::setPhase(Phase phase)
{
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void FirstSyncJob::start()
{
    store(
        [](SyncWriter& writer) {
            QString epoch = writer.epoch();
            return std::make_pair(writer.beginFirstSync(), std::move(epoch));
        },
        [this](const std::pair<Status, QString>& begun) {
            if (!stored(begun.first))
                return;
            m_epoch = begun.second;
            setPhase(Phase::Mine);
            next();
        });
}

void FirstSyncJob::next()
{
    if (!live())
        return;
    if (m_phase != Phase::Team) {
        // A snapshot part: fetched and decoded on the fetcher's thread, stored page by page. The tickets come
        // without their comments (a queue usable sooner), which follow once the whole queue is.
        const bool mine = m_phase == Phase::Mine || m_phase == Phase::OwnConversations;
        const bool tickets = m_phase == Phase::Mine || m_phase == Phase::Rest;
        const SnapshotFetcher::Part part {m_transport.server(), m_transport.token(), m_clientId, m_epoch,
            mine ? QStringLiteral("mine") : QStringLiteral("rest"),
            tickets ? QStringLiteral("none") : QStringLiteral("only"), m_firstPage, m_largestPage, generation()};
        QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher, part] { fetcher->fetch(part); });
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_clientId);
    if (!m_epoch.isEmpty())
        query.addQueryItem(QStringLiteral("epoch"), m_epoch);
    query.addQueryItem(QStringLiteral("team"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("cursor"), QString::number(m_teamCursor));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kTeamPage));
    send("GET", QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded), {},
        [this](const SyncReply& reply) { teamPage(reply); });
}

void FirstSyncJob::fail(const SyncFailure& failure)
{
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher] { fetcher->cancel(); });
    m_phase = Phase::None;
    Q_EMIT finished(failure);
}

void FirstSyncJob::snapshotPage(quint64 generation, SnapshotPagePtr pagePtr)
{
    if (generation != this->generation() || !live() || m_phase == Phase::None)
        return; // read ahead of a page that then failed, or before stop(): not wanted any more
    const SnapshotPage& page = *pagePtr;
    if (page.status != 200)
        return fail(SyncFailure::of(page.status, page.errorBody, page.networkError));
    m_startCursor = m_startCursor < 0 ? page.cursor : std::min(m_startCursor, page.cursor);
    m_epoch = page.epoch;
    const bool conversations = m_phase == Phase::OwnConversations || m_phase == Phase::Conversations;
    if (!conversations)
        m_total += page.total; // on a part's first page only (the conversations are of the same tickets)
    if (m_phase == Phase::Rest && page.tickets > 0)
        m_restLast = page.nextAfter; // the last ticket whose conversation follows the queue
    const SnapshotPart part = m_phase == Phase::Mine ? SnapshotPart::Mine
        : m_phase == Phase::Rest                     ? SnapshotPart::Rest
        : m_phase == Phase::OwnConversations         ? SnapshotPart::OwnConversations
                                                     : SnapshotPart::Conversations;
    // What the job goes on with; the page itself goes to the store's thread, and from there back to the
    // fetcher, which frees it.
    SnapshotPage summary;
    summary.tickets = page.tickets;
    summary.more = page.more;
    store([pagePtr = std::move(pagePtr), part, restLast = m_restLast, fetcher = m_fetcher](
              SyncWriter& writer) mutable { return writer.applySnapshot(std::move(pagePtr), part, restLast, fetcher); },
        [this, summary = std::move(summary)](const StoreOutcome& outcome) { snapshotStored(summary, outcome); });
}

void FirstSyncJob::snapshotStored(const SnapshotPage& page, const StoreOutcome& outcome)
{
    if (!stored(outcome))
        return;
    const bool conversations = m_phase == Phase::OwnConversations || m_phase == Phase::Conversations;
    qint64& done = conversations ? m_talkDone : m_done;
    done += page.tickets;
    if (conversations)
        Q_EMIT conversationProgress(m_talkDone, std::max(m_talkTotal, m_talkDone));
    else
        Q_EMIT firstSyncProgress(m_done, std::max(m_total, m_done));
    if (page.more)
        return; // the fetcher is reading the next page already
    if (m_phase == Phase::Mine) {
        setPhase(Phase::Team);
        Q_EMIT ownQueueReady();
        return next();
    }
    partDone();
}

void FirstSyncJob::partDone()
{
    if (m_phase == Phase::Rest) {
        return store([restLast = m_restLast](SyncWriter& writer) { return writer.queueStored(restLast); },
            [this](const StoreOutcome& queued) {
                if (!stored(queued)) // (the tickets a resync found gone from the server leave the desk)
                    return;
                Q_EMIT firstSyncProgress(m_total, m_total);
                Q_EMIT queueReady();
                setPhase(Phase::OwnConversations); // an agent opens their own tickets first
                m_talkDone = 0;
                m_talkTotal = m_total;
                next();
            });
    }
    const bool more = m_phase == Phase::OwnConversations;
    store([more](SyncWriter& writer) { return writer.conversationsStored(more); },
        [this, more](const Status& merged) {
            if (!stored(merged))
                return;
            if (more) {
                setPhase(Phase::Conversations);
                return next();
            }
            Q_EMIT conversationProgress(m_talkTotal, m_talkTotal);
            // Every part read: the pull goes on from the oldest point a page was read at (re-applying what
            // came after it is harmless: upserts in server order, comments and conflicts once by id).
            setPhase(Phase::None);
            store([cursor = std::max<qint64>(m_startCursor, 0), epoch = m_epoch](
                      SyncWriter& writer) { return writer.startFrom(cursor, epoch); },
                [this](const Status& started) {
                    if (stored(started))
                        Q_EMIT finished({});
                });
        });
}

void FirstSyncJob::teamPage(const SyncReply& reply)
{
    if (!reply.ok())
        return fail(reply.failure);
    store([body = reply.body](SyncWriter& writer) { return writer.applyTeam(body); },
        [this](const PageOutcome& page) {
            if (!stored(page.stored))
                return;
            m_epoch = page.epoch;
            m_teamCursor = page.nextCursor;
            if (page.more)
                return next();
            m_startCursor = m_startCursor < 0 ? m_teamCursor : std::min(m_startCursor, m_teamCursor);
            setPhase(Phase::Rest);
            next();
        });
}

} // namespace gongdan
