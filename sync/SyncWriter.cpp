#include "sync/SyncWriter.h"

#include "storage/BulkLoad.h"
#include "storage/Database.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/LocalNumberAllocator.h"
#include "storage/Outbox.h"
#include "storage/SearchIndexer.h"
#include "storage/TicketRepository.h"

#include <QJsonDocument>

namespace gongdan {

namespace {

/// The changes of a pull page.
QList<PulledChange> changesOf(const QJsonObject& page)
{
    QList<PulledChange> changes;
    for (const QJsonValue& value : page.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject c = value.toObject();
        changes.append({c.value(QStringLiteral("server_seq")).toInteger(), c.value(QStringLiteral("entity")).toString(),
            c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("op")).toString(),
            c.value(QStringLiteral("data")).toObject()});
    }
    return changes;
}

/// Where a pull page leaves the history (nothing stored yet).
PageOutcome outcomeOf(const QJsonObject& page)
{
    PageOutcome outcome;
    outcome.more = page.value(QStringLiteral("has_more")).toBool();
    outcome.nextCursor = page.value(QStringLiteral("next_cursor")).toInteger();
    outcome.epoch = page.value(QStringLiteral("epoch")).toString();
    return outcome;
}

StoreOutcome refused(const Status& status)
{
    StoreOutcome outcome;
    outcome.status = status;
    return outcome;
}

} // namespace

std::unique_ptr<TicketNumberAllocator> makeNumberAllocator(Database& db, CoreNumbering numbering)
{
    if (numbering == CoreNumbering::DeviceRefs)
        return std::make_unique<DeviceRefAllocator>(db);
    return std::make_unique<LocalNumberAllocator>(db);
}

SyncWriter::SyncWriter(QString path, const Clock& clock, CoreNumbering numbering, Failpoints failpoints)
    : m_path(std::move(path))
    , m_clock(clock)
    , m_numbering(numbering)
    , m_failpoints(std::move(failpoints))
    , m_opened(Error {QStringLiteral("sync.store"), QStringLiteral("not opened")})
{
}

SyncWriter::~SyncWriter()
{
    close();
}

void SyncWriter::open()
{
    // The window's connection opened (and migrated) the store already: this one only joins it.
    auto db = Database::open(m_path, m_clock, {.secondary = true});
    if (!db) {
        m_opened = db.error();
        return;
    }
    m_db = std::move(db.value());
    m_numbers = makeNumberAllocator(*m_db, m_numbering);
    m_fields = std::make_unique<FieldDefinitionRepository>(*m_db);
    m_tickets = std::make_unique<TicketRepository>(*m_db, *m_numbers, *m_fields);
    m_cache = std::make_unique<SyncCache>(*m_db, *m_tickets, m_failpoints);
    m_outbox = std::make_unique<Outbox>(*m_db);
    m_indexer = std::make_unique<SearchIndexer>(*m_db);
    connect(m_indexer.get(), &SearchIndexer::progress, this, &SyncWriter::searchIndexProgress);
    connect(m_indexer.get(), &SearchIndexer::finished, this, [this] { Q_EMIT searchingChanged(false); });
    connect(m_indexer.get(), &SearchIndexer::failed, this, [this] { Q_EMIT searchingChanged(searching()); });
    m_opened = {};
    startSearch(); // a build a closed workstation left unfinished
}

void SyncWriter::setSignedInUser(const QString& userId)
{
    if (m_db)
        m_db->setSignedInUser(userId);
}

void SyncWriter::startSearch()
{
    if (!m_indexer)
        return;
    m_indexer->start();
    Q_EMIT searchingChanged(m_indexer->running());
}

bool SyncWriter::searching() const
{
    return m_indexer && m_indexer->running();
}

Status SyncWriter::setDeviceCode(const QString& code)
{
    if (!m_opened)
        return m_opened;
    return m_cache->setDeviceCode(code);
}

PushBatch SyncWriter::nextPush(int limit)
{
    PushBatch batch;
    if (!m_opened)
        return batch;
    for (const OutboxEntry& entry : m_outbox->pending(limit)) {
        batch.localSeq.insert(entry.pushSeq, entry.seq);
        batch.mutations.append(QJsonObject {{QStringLiteral("seq"), entry.pushSeq},
            {QStringLiteral("mutation_id"), entry.mutationId}, {QStringLiteral("name"), entry.name},
            {QStringLiteral("entity_id"), entry.entityId}, {QStringLiteral("args"), entry.args}});
    }
    return batch;
}

StoreOutcome SyncWriter::recordPush(const QJsonObject& answer, const QHash<qint64, qint64>& localSeq)
{
    if (!m_opened)
        return refused(m_opened);
    QJsonArray results;
    for (const QJsonValue& value : answer.value(QStringLiteral("results")).toArray()) {
        QJsonObject result = value.toObject();
        const qint64 seq = result.value(QStringLiteral("seq")).toInteger();
        result.insert(QStringLiteral("seq"), localSeq.value(seq, seq));
        results.append(result);
    }
    auto recomputed = m_cache->recordResults(results);
    if (!recomputed)
        return refused(recomputed.error());
    // A refused definition or category went back to the server's.
    return {{}, recomputed.value(), m_cache->takeTeamChanged()};
}

qint64 SyncWriter::cursor()
{
    return m_opened ? m_cache->cursor() : 0;
}

QString SyncWriter::epoch()
{
    return m_opened ? m_cache->epoch() : QString();
}

Status SyncWriter::beginFirstSync()
{
    if (!m_opened)
        return m_opened;
    m_indexer->stop(); // the bulk load empties search and starts it again at its end
    // Nothing queued: everything the load writes can be fetched again, so its commits need not wait for
    // the disk (queued changes, kept through a resync, are never risked that way).
    m_bootstrap.reset();
    m_bootstrap = std::make_unique<BulkLoad>(
        *m_db, m_outbox->count() == 0 ? BulkLoad::Durability::Unsynced : BulkLoad::Durability::Synced);
    if (!m_bootstrap->started())
        m_bootstrap.reset(); // row by row then: slower, just as correct
    m_cache->setEventsInBulk(m_bootstrap != nullptr);
    // The own tickets arrive without their conversations: the ticket view says so until they come.
    return m_cache->setOwnConversationsPending(true);
}

StoreOutcome SyncWriter::apply(const QList<PulledChange>& changes, qint64 cursor, const QString& epoch, qint64 seenUpTo)
{
    auto touched = m_cache->applyPage(changes, cursor, epoch, seenUpTo);
    if (!touched)
        return refused(touched.error());
    QStringList tickets = touched.value();
    for (const QString& id : std::as_const(m_touchedLater)) {
        if (!tickets.contains(id))
            tickets.append(id);
    }
    m_touchedLater.clear();
    return {{}, tickets, m_cache->takeTeamChanged()};
}

PageOutcome SyncWriter::applyPull(const QByteArray& body)
{
    if (!m_opened)
        return {refused(m_opened), false, 0, {}};
    const QJsonObject page = QJsonDocument::fromJson(body).object();
    PageOutcome outcome = outcomeOf(page);
    outcome.stored = apply(changesOf(page), outcome.nextCursor, outcome.epoch, -1);
    if (outcome.stored.status && !outcome.more && m_bootstrap) {
        outcome.stored.status = finishBulkLoad();
        if (outcome.stored.status)
            startSearch(); // after the first sync's bars have ended: the same bar shows search next
    }
    return outcome;
}

PageOutcome SyncWriter::applyTeam(const QByteArray& body)
{
    if (!m_opened)
        return {refused(m_opened), false, 0, {}};
    const QJsonObject page = QJsonDocument::fromJson(body).object();
    PageOutcome outcome = outcomeOf(page);
    const QList<PulledChange> changes = changesOf(page);
    if (!changes.isEmpty())
        outcome.stored = apply(changes, 0, outcome.epoch, outcome.nextCursor);
    return outcome;
}

StoreOutcome SyncWriter::applySnapshot(
    SnapshotPagePtr page, SnapshotPart part, const QString& restLast, SnapshotFetcher* fetcher)
{
    if (!m_opened)
        return refused(m_opened);
    // The cursor stays 0 until the end; the page holds everything up to its own cursor.
    StoreOutcome outcome;
    if (!page->changes.isEmpty())
        outcome = apply(page->changes, 0, page->epoch, page->cursor);
    if (!outcome.status)
        return outcome;
    // The ticket view says which tickets still wait for their comments (nothing waits after the last page).
    const bool more = page->more;
    if (part == SnapshotPart::Conversations)
        outcome.status = m_cache->setConversationsPending(page->nextAfter, more ? restLast : QString());
    else if (part == SnapshotPart::OwnConversations && !more)
        outcome.status = m_cache->setOwnConversationsPending(false);
    // Back to the fetcher, which frees it.
    QMetaObject::invokeMethod(
        fetcher, [fetcher, spent = std::move(page)]() mutable { fetcher->taken(std::move(spent)); });
    return outcome;
}

StoreOutcome SyncWriter::queueStored(const QString& restLast)
{
    if (!m_opened)
        return refused(m_opened);
    // Every ticket is here: the queue's indexes back (BulkLoad::finishQueue()), and the queue is usable.
    if (m_bootstrap) {
        if (Status built = m_bootstrap->finishQueue(); !built)
            return refused(built);
    }
    // A resync: what the server no longer has (a restore rewound it) leaves the desk too.
    const Result<QStringList> vanished = m_cache->dropVanished();
    if (!vanished)
        return refused(vanished.error());
    StoreOutcome outcome;
    outcome.tickets = vanished.value();
    outcome.status = m_cache->setConversationsPending(QString(), restLast);
    return outcome;
}

Status SyncWriter::conversationsStored(bool more)
{
    if (!m_opened)
        return m_opened;
    if (more)
        return {};
    // Every conversation is in: what a resync did not get back went with a restore on the server. The
    // tickets whose conversation changed go out with the next page's (the pull that follows).
    const Result<QStringList> dropped = m_cache->dropUnconfirmedComments();
    if (!dropped)
        return dropped.error();
    m_touchedLater += dropped.value();
    return {};
}

Status SyncWriter::startFrom(qint64 cursor, const QString& epoch)
{
    if (!m_opened)
        return m_opened;
    return m_cache->startFrom(cursor, epoch);
}

void SyncWriter::failed()
{
    if (!m_opened)
        return;
    if (m_bootstrap) { // indexes back now; the retry carries on row by row from the cursor reached
        finishBulkLoad();
        startSearch();
    }
}

Status SyncWriter::resetForResync()
{
    if (!m_opened)
        return m_opened;
    return m_cache->resetForResync();
}

void SyncWriter::close()
{
    finishBulkLoad(); // quitting during a first sync: search is built the next time
    if (m_indexer)
        m_indexer->stop();
}

Status SyncWriter::finishBulkLoad()
{
    if (!m_bootstrap)
        return {};
    // Search is built behind the queue (SearchIndexer), so the queue is usable this much sooner. A
    // failure leaves the load pending for Database::open().
    const Status built = m_bootstrap->finish(BulkLoad::FullText::Later);
    m_bootstrap.reset();
    m_cache->setEventsInBulk(false);
    return built;
}

} // namespace gongdan
