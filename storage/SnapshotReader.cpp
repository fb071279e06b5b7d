#include "SnapshotReader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

namespace {

QByteArray quoted(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // ["…"] → "…", escaped as JSON
}

/// Runs `sql` with `values`; each row's (ticket id, JSON text) appended to `into` under the ticket id.
Status collect(ServerDatabase& database, const QString& sql, const QVariantList& values,
    QHash<QString, QList<QByteArray>>& into, bool textIsJson)
{
    QSqlQuery query(database.sql());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the snapshot"));
    while (query.next()) {
        if (textIsJson)
            into[query.value(0).toString()].append(query.value(1).toByteArray()); // UTF-8, see rawText()
        else
            into[query.value(0).toString()].append(quoted(query.value(1).toString()));
    }
    return {};
}

/// The stored JSON text as its UTF-8 bytes. From SQLite read as a blob: as text it would be converted to
/// UTF-16 for the QString and back for the page (a fifth of the server's time for a snapshot).
QString rawText(const ServerDatabase& database, const QString& column)
{
    return database.backend() == ServerDatabase::Backend::Sqlite ? QStringLiteral("CAST(%1 AS BLOB)").arg(column)
                                                                 : column;
}

void appendArray(QByteArray& out, const QList<QByteArray>& items)
{
    out.append('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(items.at(i));
    }
    out.append(']');
}

} // namespace

SnapshotReader::SnapshotReader(ServerDatabase& database) : m_database(database) { }

QString SnapshotReader::condition(const Principal& who, Part part, QVariantList& values)
{
    QString scope = SyncStore::scopeCondition(who, values, false);
    values.append(who.userId);
    return part == Part::Mine ? QStringLiteral("(%1) AND assignee_id = ?").arg(scope)
                              : QStringLiteral("(%1) AND (assignee_id IS NULL OR assignee_id <> ?)").arg(scope);
}

Result<qint64> SnapshotReader::count(const Principal& who, Part part)
{
    QVariantList values;
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("SELECT count(*) FROM ticket WHERE %1").arg(condition(who, part, values)));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot count the snapshot"));
    return query.value(0).toLongLong();
}

Result<QByteArray> SnapshotReader::page(
    const Principal& who, Part part, Content content, const QString& afterId, int limit, QString* lastId, int* rows)
{
    QVariantList values;
    const QString where = condition(who, part, values);
    values.append(afterId.isNull() ? QStringLiteral("") : afterId);
    QSqlQuery tickets(m_database.sql());
    tickets.setForwardOnly(true);
    const bool withTicket = content != Content::CommentsOnly;
    const bool withComments = content != Content::NoComments;
    tickets.prepare(QStringLiteral("SELECT id, server_seq, %3 FROM ticket WHERE %1 AND id > ? ORDER BY id LIMIT %2")
                        .arg(where)
                        .arg(limit)
                        .arg(withTicket ? rawText(m_database, QStringLiteral("data")) : QStringLiteral("NULL")));
    for (const QVariant& value : values)
        tickets.addBindValue(value);
    if (!tickets.exec())
        return ServerDatabase::failure(tickets.lastError(), QStringLiteral("Cannot read the snapshot"));
    struct Row {
        QString id;
        qint64 seq;
        QByteArray data;
    };
    QList<Row> page;
    while (tickets.next())
        page.append({tickets.value(0).toString(), tickets.value(1).toLongLong(), tickets.value(2).toByteArray()});
    *rows = static_cast<int>(page.size());
    if (page.isEmpty())
        return QByteArray("[]");
    *lastId = page.last().id;
    // What hangs off these tickets: one query each over the same id range and scope.
    // The id range stated on the table itself as well: PostgreSQL does not carry it over from the
    // subquery, and scanned all of ticket_alias for each page (12–20 ms a page at 100,000 tickets).
    QVariantList range {values.last(), page.last().id};
    range += values;
    range.append(page.last().id);
    const QString inPage = QStringLiteral("t.ticket_id > ? AND t.ticket_id <= ? AND t.ticket_id IN (SELECT id FROM "
                                          "ticket WHERE %1 AND id > ? AND id <= ?)")
                               .arg(where);
    QHash<QString, QList<QByteArray>> comments, conflicts, aliases;
    const auto read = [&](const QString& column, const char* table, const char* order,
                          QHash<QString, QList<QByteArray>>& into, bool json) {
        return collect(m_database,
            QStringLiteral("SELECT t.ticket_id, %1 FROM %2 t WHERE %3 ORDER BY t.ticket_id, t.%4")
                .arg(column, QLatin1String(table), inPage, QLatin1String(order)),
            range, into, json);
    };
    const QString data = rawText(m_database, QStringLiteral("t.data"));
    if (Status s = withComments ? read(data, "ticket_comment", "server_seq", comments, true) : Status(); !s)
        return s.error();
    if (Status s = withTicket ? read(data, "ticket_conflict", "server_seq", conflicts, true) : Status(); !s)
        return s.error();
    if (Status s = withTicket ? read(QStringLiteral("t.alias"), "ticket_alias", "alias", aliases, false) : Status(); !s)
        return s.error();
    QByteArray out;
    out.reserve(static_cast<qsizetype>(page.size()) * 2048);
    out.append('[');
    for (qsizetype i = 0; i < page.size(); ++i) {
        const Row& row = page.at(i);
        if (i > 0)
            out.append(',');
        out.append("{\"id\":").append(quoted(row.id));
        out.append(",\"server_seq\":").append(QByteArray::number(row.seq));
        if (withTicket) {
            out.append(",\"ticket\":").append(row.data);
            out.append(",\"aliases\":");
            appendArray(out, aliases.value(row.id));
            out.append(",\"conflicts\":");
            appendArray(out, conflicts.value(row.id));
        }
        if (withComments) {
            out.append(",\"comments\":");
            appendArray(out, comments.value(row.id));
        }
        out.append('}');
    }
    out.append(']');
    return out;
}

} // namespace gongdan
