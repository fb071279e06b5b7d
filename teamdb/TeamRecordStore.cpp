#include "teamdb/TeamRecordStore.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

namespace {

TeamRecord recordOf(const QString& kind, const QSqlQuery& query)
{
    return {kind, query.value(0).toString(), QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object(),
        query.value(2).toInt(), query.value(3).toLongLong()};
}

} // namespace

TeamRecordStore::TeamRecordStore(ServerDatabase& database) : m_database(database) { }

std::optional<TeamRecord> TeamRecordStore::find(const QString& kind, const QString& id)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("SELECT id, data, version, server_seq FROM team_record WHERE kind = ? AND id = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(kind);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return recordOf(kind, query);
}

std::optional<QString> TeamRecordStore::idByKey(const QString& kind, const QString& uniqueKey)
{
    QSqlQuery& query
        = m_database.prepared(QStringLiteral("SELECT id FROM team_record WHERE kind = ? AND unique_key = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(kind);
    query.addBindValue(uniqueKey);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

Status TeamRecordStore::store(const TeamRecord& record, const QString& uniqueKey, const QString& search)
{
    QSqlQuery& upsert = m_database.prepared(QStringLiteral(
        "INSERT INTO team_record(kind, id, unique_key, search, data, version, server_seq) VALUES (?,?,?,?,?,?,?) "
        "ON CONFLICT(kind, id) DO UPDATE SET unique_key = excluded.unique_key, search = excluded.search, "
        "data = excluded.data, version = excluded.version, server_seq = excluded.server_seq"));
    const auto finished = qScopeGuard([&upsert] { upsert.finish(); });
    upsert.addBindValue(record.kind);
    upsert.addBindValue(record.id);
    upsert.addBindValue(uniqueKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(uniqueKey));
    upsert.addBindValue(search.toLower());
    upsert.addBindValue(QString::fromUtf8(QJsonDocument(record.data).toJson(QJsonDocument::Compact)));
    upsert.addBindValue(record.version);
    upsert.addBindValue(record.serverSeq);
    if (!upsert.exec())
        return ServerDatabase::failure(upsert.lastError(), QStringLiteral("Cannot store the %1").arg(record.kind));
    return {};
}

Status TeamRecordStore::remove(const QString& kind, const QString& id)
{
    QSqlQuery& del = m_database.prepared(QStringLiteral("DELETE FROM team_record WHERE kind = ? AND id = ?"));
    const auto finished = qScopeGuard([&del] { del.finish(); });
    del.addBindValue(kind);
    del.addBindValue(id);
    if (!del.exec())
        return ServerDatabase::failure(del.lastError(), QStringLiteral("Cannot delete the %1").arg(kind));
    return {};
}

Result<QList<TeamRecord>> TeamRecordStore::list(
    const QString& kind, const QString& search, const QString& afterId, int limit)
{
    QSqlQuery query(m_database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, data, version, server_seq FROM team_record WHERE kind = ? AND id > ? %1 "
                                 "ORDER BY id LIMIT ?")
                      .arg(search.isEmpty() ? QString() : QStringLiteral("AND search LIKE ? ESCAPE '!'")));
    query.addBindValue(kind);
    query.addBindValue(afterId.isNull() ? QStringLiteral("") : afterId);
    if (!search.isEmpty()) {
        QString pattern = search.toLower();
        pattern.replace(QLatin1Char('!'), QStringLiteral("!!"))
            .replace(QLatin1Char('%'), QStringLiteral("!%"))
            .replace(QLatin1Char('_'), QStringLiteral("!_"));
        query.addBindValue(QString(QLatin1Char('%') + pattern + QLatin1Char('%')));
    }
    query.addBindValue(limit);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot list the %1 records").arg(kind));
    QList<TeamRecord> out;
    while (query.next())
        out.append(recordOf(kind, query));
    return out;
}

} // namespace gongdan
