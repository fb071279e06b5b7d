#include "teamdb/ReportStore.h"

#include "domain/JsonCodec.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

namespace {

QJsonObject objectOf(const QVariant& text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

} // namespace

Result<QList<ReportStore::Item>> ReportStore::page(
    const std::optional<QStringList>& groupIds, const QString& afterId, int limit)
{
    QList<Item> items;
    if (groupIds && groupIds->isEmpty())
        return items;
    QSqlQuery q(m_database.sql());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT data FROM ticket WHERE id > ?%1 ORDER BY id LIMIT ?")
            .arg(groupIds ? QStringLiteral(" AND group_id IN (%1)").arg(placeholders(groupIds->size())) : QString()));
    q.addBindValue(afterId.isNull() ? QStringLiteral("") : afterId); // a null QString binds as NULL: no row is > NULL
    if (groupIds) {
        for (const QString& group : *groupIds)
            q.addBindValue(group);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return ServerDatabase::failure(q.lastError(), QStringLiteral("report tickets"));
    QHash<QString, qsizetype> index;
    QHash<QString, QList<qsizetype>> byCustomer;
    while (q.next()) {
        auto ticket = JsonCodec::ticketFromJson(objectOf(q.value(0)));
        if (!ticket)
            continue;
        index.insert(ticket.value().id, items.size());
        if (!ticket.value().customerId.isEmpty())
            byCustomer[ticket.value().customerId].append(items.size());
        items.append(Item {ticket.value(), {}, {}, {}});
    }
    if (items.isEmpty())
        return items;
    const QStringList ids = index.keys();
    const auto rowsOf = [&](const QString& table, const std::function<void(qsizetype, const QJsonObject&)>& each) {
        QSqlQuery rows(m_database.sql());
        rows.setForwardOnly(true);
        rows.prepare(QStringLiteral("SELECT ticket_id, data FROM %1 WHERE ticket_id IN (%2) ORDER BY server_seq")
                         .arg(table, placeholders(ids.size())));
        for (const QString& id : ids)
            rows.addBindValue(id);
        if (!rows.exec())
            return Status(ServerDatabase::failure(rows.lastError(), QStringLiteral("report ") + table));
        while (rows.next())
            each(index.value(rows.value(0).toString()), objectOf(rows.value(1)));
        return Status();
    };
    if (Status read = rowsOf(QStringLiteral("ticket_event"),
            [&items](qsizetype at, const QJsonObject& data) {
                if (auto event = JsonCodec::eventFromJson(data))
                    items[at].events.append(event.value());
            });
        !read)
        return read.error();
    if (Status read = rowsOf(QStringLiteral("ticket_comment"),
            [&items](qsizetype at, const QJsonObject& data) {
                if (auto comment = JsonCodec::commentFromJson(data))
                    items[at].comments.append(comment.value());
            });
        !read)
        return read.error();
    if (!byCustomer.isEmpty()) {
        const QStringList customers = byCustomer.keys();
        QSqlQuery c(m_database.sql());
        c.setForwardOnly(true);
        c.prepare(QStringLiteral("SELECT id, data FROM team_record WHERE kind = 'customer' AND id IN (%1)")
                      .arg(placeholders(customers.size())));
        for (const QString& id : customers)
            c.addBindValue(id);
        if (!c.exec())
            return ServerDatabase::failure(c.lastError(), QStringLiteral("report customers"));
        while (c.next()) {
            const QJsonObject data = objectOf(c.value(1));
            const QJsonObject extra {{QStringLiteral("customer_level"), data.value(QStringLiteral("level"))},
                {QStringLiteral("region"), data.value(QStringLiteral("region"))}};
            for (qsizetype at : byCustomer.value(c.value(0).toString()))
                items[at].extra = extra;
        }
    }
    return items;
}

} // namespace gongdan
