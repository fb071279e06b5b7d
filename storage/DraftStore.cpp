#include "storage/DraftStore.h"

#include <QJsonDocument>

namespace gongdan {

DraftStore::DraftStore(Database& db) : m_db(db) { }

Status DraftStore::save(const QString& key, const QJsonObject& body)
{
    QSqlQuery& upsert = m_db.prepared(
        QStringLiteral("INSERT INTO draft(key, body, updated_ms) VALUES (?,?,?) "
                       "ON CONFLICT(key) DO UPDATE SET body = excluded.body, updated_ms = excluded.updated_ms"));
    upsert.addBindValue(key);
    upsert.addBindValue(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    upsert.addBindValue(m_db.clock().now().toMSecsSinceEpoch());
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status() : Status(Database::errorOf(upsert));
}

std::optional<Draft> DraftStore::load(const QString& key)
{
    QSqlQuery& select = m_db.prepared(QStringLiteral("SELECT body, updated_ms FROM draft WHERE key = ?"));
    select.addBindValue(key);
    std::optional<Draft> draft;
    if (select.exec() && select.next()) {
        const QJsonDocument body = QJsonDocument::fromJson(select.value(0).toByteArray());
        if (body.isObject())
            draft = Draft {body.object(), QDateTime::fromMSecsSinceEpoch(select.value(1).toLongLong(), Qt::UTC)};
    }
    select.finish();
    return draft;
}

Status DraftStore::remove(const QString& key)
{
    QSqlQuery& drop = m_db.prepared(QStringLiteral("DELETE FROM draft WHERE key = ?"));
    drop.addBindValue(key);
    const bool ok = drop.exec();
    drop.finish();
    return ok ? Status() : Status(Database::errorOf(drop));
}

QStringList DraftStore::keys(const QString& prefix)
{
    // instr() compares characters, whatever the encoding: no LIKE patterns to escape.
    QSqlQuery& select = m_db.prepared(QStringLiteral("SELECT key FROM draft WHERE instr(key, ?) = 1 ORDER BY key"));
    select.addBindValue(prefix);
    QStringList result;
    if (select.exec()) {
        while (select.next())
            result.append(select.value(0).toString());
    }
    select.finish();
    return result;
}

} // namespace gongdan
