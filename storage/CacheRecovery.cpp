#include "storage/CacheRecovery.h"

#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/LocalNumberAllocator.h"
#include "storage/TicketRepository.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <sqlite3.h>

namespace gongdan {

namespace {

QString columnText(sqlite3_stmt* s, int column)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(s, column)) : QString();
}

OutboxEntry entryOf(sqlite3_stmt* s)
{
    OutboxEntry e;
    e.seq = sqlite3_column_int64(s, 0);
    e.mutationId = columnText(s, 1);
    e.name = columnText(s, 2);
    e.entityId = columnText(s, 3);
    e.args = QJsonDocument::fromJson(columnText(s, 4).toUtf8()).object();
    if (sqlite3_column_type(s, 5) != SQLITE_NULL)
        e.baseVersion = sqlite3_column_int(s, 5);
    e.state = columnText(s, 6);
    e.attempts = sqlite3_column_int(s, 7);
    e.lastError = columnText(s, 8);
    e.createdLocalMs = sqlite3_column_int64(s, 9);
    e.userId = columnText(s, 10);
    return e;
}

void salvageDirectory(sqlite3* db, CacheRecovery::Directory& rows)
{
    const auto read = [db](const char* sql, const char* fallback, int columns, QList<QStringList>& into) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK
            && sqlite3_prepare_v2(db, fallback, -1, &s, nullptr) != SQLITE_OK)
            return;
        while (sqlite3_step(s) == SQLITE_ROW) {
            QStringList row;
            for (int c = 0; c < columns; ++c)
                row.append(columnText(s, c));
            if (!row.first().isEmpty())
                into.append(row);
        }
        sqlite3_finalize(s);
    };
    read("SELECT id, name_zh, name_en, active FROM team_group", "SELECT id, name_zh, name_en, 1 FROM team_group", 4,
        rows.groups);
    read("SELECT id, login, name, role, group_id, groups FROM agent",
        "SELECT id, login, name, role, group_id, json_array(group_id) FROM agent", 6, rows.agents);
}

Status restoreDirectory(Database& db, const CacheRecovery::Directory& rows)
{
    for (const QStringList& g : rows.groups) {
        QSqlQuery& insert = db.prepared(
            QStringLiteral("INSERT OR IGNORE INTO team_group(id, name_zh, name_en, active) VALUES (?, ?, ?, ?)"));
        for (const QString& value : g)
            insert.addBindValue(value);
        const bool ok = insert.exec();
        insert.finish();
        if (!ok)
            return Database::errorOf(insert);
    }
    for (const QStringList& a : rows.agents) {
        QSqlQuery& insert = db.prepared(QStringLiteral(
            "INSERT OR IGNORE INTO agent(id, login, name, role, group_id, groups) VALUES (?, ?, ?, ?, ?, ?)"));
        for (qsizetype c = 0; c < a.size(); ++c)
            insert.addBindValue(c == 4 && a.at(c).isEmpty() ? QVariant() : QVariant(a.at(c)));
        const bool ok = insert.exec();
        insert.finish();
        if (!ok)
            return Database::errorOf(insert);
    }
    return {};
}

bool plausible(const OutboxEntry& e)
{
    return e.seq > 0 && !e.mutationId.isEmpty() && !e.name.isEmpty() && !e.entityId.isEmpty() && !e.args.isEmpty();
}

qint64 scalar(sqlite3* db, const char* sql)
{
    sqlite3_stmt* s = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW
        && sqlite3_column_type(s, 0) != SQLITE_NULL)
        value = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return value;
}

} // namespace

QList<OutboxEntry> CacheRecovery::salvageOutbox(
    const QString& path, QString* clientId, qint64* nextSeq, Directory* directory)
{
    QList<OutboxEntry> entries = salvageFrom(path, clientId, nextSeq, directory);
    if (!entries.isEmpty() || !clientId->isEmpty())
        return entries;
    // Nothing readable: the 100-byte header may be what is damaged. Its fixed fields are known, so try
    // again on a copy with them restored (the page size as SQLite's default when it is not plausible).
    const QString copy = path + QStringLiteral(".salvage");
    QFile::remove(copy);
    if (!QFile::copy(path, copy))
        return entries;
    QFile file(copy);
    if (!file.open(QIODevice::ReadWrite) || file.size() < 512)
        return entries;
    const QByteArray original = file.read(100);
    const int stored = (static_cast<unsigned char>(original[16]) << 8) | static_cast<unsigned char>(original[17]);
    QList<int> pageSizes {4096, 1024, 2048, 8192, 16384, 32768, 65536, 512};
    if (stored >= 512 && (stored & (stored - 1)) == 0)
        pageSizes.prepend(stored);
    for (int pageSize : pageSizes) {
        // Every field of the 100-byte header has a value SQLite accepts for a plain UTF-8 file; the
        // database size is left 0 so SQLite takes it from the file's length.
        QByteArray header(100, '\0');
        header.replace(0, 16, QByteArray("SQLite format 3\0", 16));
        header[16] = static_cast<char>(pageSize == 65536 ? 0 : (pageSize >> 8));
        header[17] = static_cast<char>(pageSize == 65536 ? 1 : (pageSize & 0xFF));
        header[18] = header[19] = 1; // rollback journal: the copy has no WAL beside it
        header[21] = 64;
        header[22] = 32;
        header[23] = 32;
        header[43] = 1; // schema cookie
        header[47] = 4; // schema format
        header[59] = 1; // UTF-8
        file.seek(0);
        file.write(header);
        file.flush();
        entries = salvageFrom(copy, clientId, nextSeq, directory);
        if (!entries.isEmpty() || !clientId->isEmpty())
            break;
    }
    file.close();
    QFile::remove(copy);
    return entries;
}

QList<OutboxEntry> CacheRecovery::salvageFrom(
    const QString& path, QString* clientId, qint64* nextSeq, Directory* directory)
{
    QList<OutboxEntry> entries;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return entries;
    }
    sqlite3_stmt* meta = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT client_id, next_seq FROM client_meta WHERE id = 1", -1, &meta, nullptr)
            == SQLITE_OK
        && sqlite3_step(meta) == SQLITE_ROW) {
        *clientId = columnText(meta, 0);
        *nextSeq = sqlite3_column_int64(meta, 1);
    }
    sqlite3_finalize(meta);

    // A store from before the outbox knew whose each change is (migration 15) has no user_id.
    const bool owned = scalar(db, "SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'user_id'") > 0;
    const char* columns = owned
        ? "SELECT seq, mutation_id, name, entity_id, args, base_version, state, attempts, last_error, "
          "created_local_ms, user_id FROM outbox "
        : "SELECT seq, mutation_id, name, entity_id, args, base_version, state, attempts, last_error, "
          "created_local_ms, NULL FROM outbox ";
    // First a plain scan; where it hits a damaged page, probe the remaining sequence numbers one by one.
    qint64 lastSeq = 0;
    sqlite3_stmt* scan = nullptr;
    if (sqlite3_prepare_v2(db, QByteArray(QByteArray(columns) + "ORDER BY seq").constData(), -1, &scan, nullptr)
        == SQLITE_OK) {
        while (sqlite3_step(scan) == SQLITE_ROW) {
            OutboxEntry e = entryOf(scan);
            if (plausible(e)) {
                entries.append(e);
                lastSeq = e.seq;
            }
        }
    }
    sqlite3_finalize(scan);
    const qint64 maxSeq = std::max(*nextSeq - 1, scalar(db, "SELECT max(seq) FROM outbox"));
    sqlite3_stmt* probe = nullptr;
    if (maxSeq > lastSeq
        && sqlite3_prepare_v2(db, QByteArray(QByteArray(columns) + "WHERE seq = ?").constData(), -1, &probe, nullptr)
            == SQLITE_OK) {
        for (qint64 seq = lastSeq + 1; seq <= maxSeq; ++seq) {
            sqlite3_bind_int64(probe, 1, seq);
            if (sqlite3_step(probe) == SQLITE_ROW) {
                OutboxEntry e = entryOf(probe);
                if (plausible(e))
                    entries.append(e);
            }
            sqlite3_reset(probe);
        }
    }
    sqlite3_finalize(probe);
    if (directory)
        salvageDirectory(db, *directory);
    sqlite3_close(db);
    return entries;
}

Result<RecoveryReport> CacheRecovery::rebuild(const QString& path, const Clock& clock)
{
    RecoveryReport report;
    QString clientId;
    qint64 nextSeq = 0;
    Directory directory;
    const QList<OutboxEntry> salvaged = salvageOutbox(path, &clientId, &nextSeq, &directory);
    report.salvaged = static_cast<int>(salvaged.size());

    report.damagedCopy = path + QStringLiteral(".damaged-") + clock.now().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, report.damagedCopy + suffix)) {
            return Error {QStringLiteral("storage.recovery_move"),
                tr("The damaged store %1 could not be moved aside; check the folder's permissions.")
                    .arg(path + suffix)};
        }
    }
    auto opened = Database::open(path, clock);
    if (!opened)
        return opened.error();
    Database& db = *opened.value();

    SqlTransaction transaction(db);
    if (!transaction.started())
        return transaction.started().error();
    if (!clientId.isEmpty()) {
        QSqlQuery& identity
            = db.prepared(QStringLiteral("UPDATE client_meta SET client_id = ?, next_seq = ? WHERE id = 1"));
        identity.addBindValue(clientId);
        identity.addBindValue(std::max<qint64>(nextSeq, 1));
        const bool ok = identity.exec();
        identity.finish();
        if (!ok)
            return Database::errorOf(identity);
        report.identityKept = true;
    }
    if (Status restored = restoreDirectory(db, directory); !restored)
        return restored.error();
    Outbox outbox(db);
    FieldDefinitionRepository fields(db);
    CustomerRepository customers(db);
    LocalNumberAllocator numbers(db);
    TicketRepository tickets(db, numbers, fields);
    for (const OutboxEntry& entry : salvaged) {
        if (Status restored = outbox.restore(entry); !restored)
            return restored.error();
        // Each replay in its own savepoint: a change that no longer applies locally stays queued.
        SqlTransaction step(db);
        Status applied = entry.name.startsWith(QLatin1String("customer.")) ? customers.replay(entry)
            : entry.name.startsWith(QLatin1String("field.")) || entry.name.startsWith(QLatin1String("category."))
            ? fields.replay(entry)
            : tickets.replay(entry);
        if (applied && step.commit()) {
            ++report.reapplied;
        } else {
            report.notReapplied.append(
                QStringLiteral("%1 %2: %3")
                    .arg(entry.seq)
                    .arg(entry.name, applied ? QStringLiteral("commit failed") : applied.error().message));
        }
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return report;
}

} // namespace gongdan
