#include "storage/SearchIndexer.h"

#include "storage/BulkLoad.h"
#include "storage/FullText.h"

#include <QSqlQuery>

namespace gongdan {

namespace {

constexpr int kChunkMs = 40; // the longest the event loop waits for one chunk
constexpr int kMinChunk = 100;
constexpr int kMaxChunk = 50000;
constexpr int kMergePages = 300; // leaf pages one merge step may write (~1.2 MB)

Result<qint64> queryInt(Database& db, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query(db.sql());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Database::errorOf(query);
    return query.next() && !query.value(0).isNull() ? query.value(0).toLongLong() : qint64(-1);
}

} // namespace

SearchIndexer::SearchIndexer(Database& db, QObject* parent) : QObject(parent), m_db(db)
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &SearchIndexer::tick);
}

Status SearchIndexer::restart(Database& db)
{
    for (const FullTextTable& t : kFullTextTables) {
        if (Status s = db.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('delete-all')").arg(QLatin1String(t.fts)));
            !s)
            return s;
    }
    return db.exec(QStringLiteral("UPDATE fts_progress SET upto = 0"));
}

Status SearchIndexer::markComplete(Database& db)
{
    return db.exec(QStringLiteral("UPDATE fts_progress SET upto = %1").arg(kFullTextComplete));
}

bool SearchIndexer::pending()
{
    auto least = queryInt(m_db, QStringLiteral("SELECT min(upto) FROM fts_progress"));
    auto parked = BulkLoad::parkedLeft(m_db);
    return (least && least.value() >= 0 && least.value() < kFullTextComplete) || (parked && parked.value());
}

void SearchIndexer::start()
{
    if (m_timer.isActive() || !pending())
        return;
    m_indexesLeft = true;
    m_merging = false;
    m_done = m_total = 0;
    for (const FullTextTable& t : kFullTextTables) {
        const QString table = QLatin1String(t.table);
        auto upto = queryInt(m_db, QStringLiteral("SELECT upto FROM fts_progress WHERE name = ?"), {table});
        auto all = queryInt(m_db, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        auto done = queryInt(
            m_db, QStringLiteral("SELECT count(*) FROM %1 WHERE rowid <= ?").arg(table), {upto ? upto.value() : 0});
        if (!upto || !all || !done) {
            Q_EMIT failed(tr("Cannot read how far search indexing is."));
            return;
        }
        m_total += all.value();
        m_done += done.value();
    }
    Q_EMIT progress(m_done, m_total);
    m_timer.start();
}

void SearchIndexer::tick()
{
    auto more = step();
    if (!more) {
        m_timer.stop(); // left pending: the next start() carries on
        Q_EMIT failed(more.error().message);
        return;
    }
    // Merging comes after every row is searchable: done, as far as anyone searching can tell.
    const bool indexing = more.value() && !m_merging;
    Q_EMIT progress(indexing ? std::min(m_done, m_total) : m_total, m_total);
    if (!more.value()) {
        m_timer.stop();
        Q_EMIT finished();
    }
}

Result<bool> SearchIndexer::mergeStep()
{
    const FullTextTable& t = kFullTextTables.at(m_merge.first());
    auto before = queryInt(m_db, QStringLiteral("SELECT total_changes()"));
    if (!before)
        return before.error();
    // A negative budget starts merging every level (as 'optimize' would, but a step at a time); positive
    // ones go on with it. Fewer than two changed rows: nothing was left to merge.
    const int pages = m_mergeStarted ? kMergePages : -kMergePages;
    if (Status merged = m_db.exec(
            QStringLiteral("INSERT INTO %1(%1, rank) VALUES ('merge', %2)").arg(QLatin1String(t.fts)).arg(pages));
        !merged)
        return merged.error();
    auto after = queryInt(m_db, QStringLiteral("SELECT total_changes()"));
    if (!after)
        return after.error();
    if (m_mergeStarted && after.value() - before.value() < 2) {
        m_merge.removeFirst();
        m_mergeStarted = false;
    } else {
        m_mergeStarted = true;
    }
    return !m_merge.isEmpty();
}

Result<bool> SearchIndexer::step()
{
    // First the queue's sort indexes a first sync left for now (BulkLoad), one per turn.
    if (m_indexesLeft) {
        auto built = BulkLoad::restoreNextParked(m_db);
        if (!built || built.value())
            return built;
        m_indexesLeft = false;
    }
    for (const FullTextTable& t : kFullTextTables) {
        auto upto
            = queryInt(m_db, QStringLiteral("SELECT upto FROM fts_progress WHERE name = ?"), {QLatin1String(t.table)});
        if (!upto)
            return upto.error();
        if (upto.value() < 0 || upto.value() == kFullTextComplete)
            continue;
        QElapsedTimer timer;
        timer.start();
        auto indexed = indexChunk(t.table, t.fts, t.columns, upto.value());
        if (!indexed)
            return indexed.error();
        const int table = static_cast<int>(&t - kFullTextTables.data());
        if (!m_merge.contains(table))
            m_merge.append(table); // built in many small transactions: many segments to merge afterwards
        m_done += indexed.value();
        const qint64 ms = timer.elapsed();
        if (ms < kChunkMs / 2)
            m_chunk = std::min(m_chunk * 2, kMaxChunk);
        else if (ms > kChunkMs)
            m_chunk = std::max(m_chunk / 2, kMinChunk);
        return true;
    }
    // Every row is searchable. The index was written in many small transactions, so it is in many
    // segments, and FTS5 would merge them during some later write — a 10–30 ms pause in a save or a
    // pulled change (seen as the propagation p99). Merging them now, a step per turn, keeps that away.
    m_merging = true;
    if (!m_merge.isEmpty())
        return mergeStep();
    return false;
}

Result<qint64> SearchIndexer::indexChunk(const char* table, const char* fts, const char* columns, qint64 upto)
{
    const QString name = QLatin1String(table);
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    // The chunk ends at the m_chunk-th row after `upto`, or covers the rest (and then every later row).
    auto last = queryInt(m_db,
        QStringLiteral("SELECT rowid FROM %1 WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ?").arg(name),
        {upto, m_chunk - 1});
    if (!last)
        return last.error();
    const qint64 end = last.value() < 0 ? kFullTextComplete : last.value();
    QSqlQuery insert(m_db.sql());
    insert.prepare(QStringLiteral("INSERT INTO %1(rowid, %2) SELECT rowid, %2 FROM %3 WHERE rowid > ? AND rowid <= ?")
                       .arg(QLatin1String(fts), QLatin1String(columns), name));
    insert.addBindValue(upto);
    insert.addBindValue(end);
    if (!insert.exec())
        return Database::errorOf(insert);
    const qint64 rows = insert.numRowsAffected();
    QSqlQuery progress(m_db.sql());
    progress.prepare(QStringLiteral("UPDATE fts_progress SET upto = ? WHERE name = ?"));
    progress.addBindValue(end);
    progress.addBindValue(name);
    if (!progress.exec())
        return Database::errorOf(progress);
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return rows;
}

} // namespace gongdan
