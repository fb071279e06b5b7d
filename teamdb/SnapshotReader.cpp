#include "teamdb/SnapshotReader.h"

#include "teamdb/ServerRows.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

namespace {

/// `utf8` as a JSON string: quotes, backslashes and control characters escaped, the rest as it is.
QByteArray quoted(QByteArrayView utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        if (c == '"' || c == '\\')
            out.append('\\').append(c);
        else if (static_cast<unsigned char>(c) < 0x20)
            out.append("\\u00").append(QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0'));
        else
            out.append(c);
    }
    out.append('"');
    return out;
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
    const bool withTicket = content != Content::CommentsOnly;
    const bool withComments = content != Content::NoComments;
    struct Row {
        QByteArray id;
        QByteArray seq;
        QByteArray data;
    };
    QList<Row> page;
    const Status read = ServerRows::read(m_database,
        QStringLiteral("SELECT %3, server_seq, %4 FROM ticket WHERE %1 AND id > ? ORDER BY id LIMIT %2")
            .arg(where)
            .arg(limit)
            .arg(ServerRows::bytes(m_database, QStringLiteral("id")),
                withTicket ? ServerRows::bytes(m_database, QStringLiteral("data")) : QStringLiteral("NULL")),
        values, QStringLiteral("Cannot read the snapshot"), [&page](std::span<const QByteArrayView> columns) {
            page.append({columns[0].toByteArray(), columns[1].toByteArray(), columns[2].toByteArray()});
        });
    if (!read)
        return read.error();
    *rows = static_cast<int>(page.size());
    if (page.isEmpty())
        return QByteArray("[]");
    *lastId = QString::fromUtf8(page.last().id);
    // What hangs off these tickets: one query each over the same id range and scope.
    // The id range stated on the table itself as well: PostgreSQL does not carry it over from the
    // subquery, and scanned all of ticket_alias for each page (12–20 ms a page at 100,000 tickets).
    QVariantList range {values.last(), *lastId};
    range += values;
    range.append(*lastId);
    const QString inPage = QStringLiteral("t.ticket_id > ? AND t.ticket_id <= ? AND t.ticket_id IN (SELECT id FROM "
                                          "ticket WHERE %1 AND id > ? AND id <= ?)")
                               .arg(where);
    QHash<QByteArray, QList<QByteArray>> comments, events, conflicts, aliases;
    // Each row's (ticket id, JSON text) appended to `into` under the ticket id; a plain text quoted as JSON.
    const auto collect = [&](const char* column, const char* table, const char* order,
                             QHash<QByteArray, QList<QByteArray>>& into, bool json) {
        return ServerRows::read(m_database,
            QStringLiteral("SELECT %1, %2 FROM %3 t WHERE %4 ORDER BY t.ticket_id, t.%5")
                .arg(ServerRows::bytes(m_database, QStringLiteral("t.ticket_id")),
                    ServerRows::bytes(m_database, QLatin1String(column)), QLatin1String(table), inPage,
                    QLatin1String(order)),
            range, QStringLiteral("Cannot read the snapshot"), [&into, json](std::span<const QByteArrayView> columns) {
                into[columns[0].toByteArray()].append(json ? columns[1].toByteArray() : quoted(columns[1]));
            });
    };
    if (Status s = withComments ? collect("t.data", "ticket_comment", "server_seq", comments, true) : Status(); !s)
        return s.error();
    if (Status s = withComments ? collect("t.data", "ticket_event", "server_seq", events, true) : Status(); !s)
        return s.error();
    if (Status s = withTicket ? collect("t.data", "ticket_conflict", "server_seq", conflicts, true) : Status(); !s)
        return s.error();
    if (Status s = withTicket ? collect("t.alias", "ticket_alias", "alias", aliases, false) : Status(); !s)
        return s.error();
    QByteArray out;
    out.reserve(static_cast<qsizetype>(page.size()) * 2048);
    out.append('[');
    for (qsizetype i = 0; i < page.size(); ++i) {
        const Row& row = page.at(i);
        if (i > 0)
            out.append(',');
        out.append("{\"id\":").append(quoted(row.id));
        out.append(",\"server_seq\":").append(row.seq);
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
            out.append(",\"events\":");
            appendArray(out, events.value(row.id));
        }
        out.append('}');
    }
    out.append(']');
    return out;
}

} // namespace gongdan
