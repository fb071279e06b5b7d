#include "teamdb/SensitiveVault.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

SensitiveVault::SensitiveVault(ServerDatabase& database) : m_database(database) { }

Status SensitiveVault::put(const QString& entity, const QString& entityId, const QString& field, const QString& value)
{
    QSqlQuery& query = m_database.prepared(value.isEmpty()
            ? QStringLiteral("DELETE FROM sensitive_value WHERE entity = ? AND entity_id = ? AND field = ?")
            : QStringLiteral("INSERT INTO sensitive_value(entity, entity_id, field, value) VALUES (?,?,?,?) "
                             "ON CONFLICT(entity, entity_id, field) DO UPDATE SET value = excluded.value"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(entity);
    query.addBindValue(entityId);
    query.addBindValue(field);
    if (!value.isEmpty())
        query.addBindValue(value);
    if (!query.exec()) // the message names the field, never the value
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot keep the %1's %2").arg(entity, field));
    return {};
}

Result<QHash<QString, QString>> SensitiveVault::values(
    const QString& entity, const QString& entityId, const QStringList& fields)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("SELECT field, value FROM sensitive_value WHERE entity = ? AND entity_id = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(entity);
    query.addBindValue(entityId);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the %1's values").arg(entity));
    QHash<QString, QString> out;
    while (query.next()) {
        const QString field = query.value(0).toString();
        if (fields.contains(field))
            out.insert(field, query.value(1).toString());
    }
    return out;
}

} // namespace gongdan
