#include "storage/NeedsAttention.h"

#include "domain/Intents.h"

#include <QJsonDocument>

namespace gongdan {

namespace {

// The signed-in user's entries (those queued before anyone signed in count as theirs).
const QString kMine = QStringLiteral("(user_id IS NULL OR user_id = ?)");

} // namespace

NeedsAttention::NeedsAttention(Database& db) : m_db(db) { }

QString NeedsAttention::condition()
{
    return QStringLiteral("(id IN (SELECT entity_id FROM outbox WHERE state = 'rejected' AND (user_id IS NULL OR "
                          "user_id = (SELECT user_id FROM sync_state WHERE id = 1))) OR id IN (SELECT ticket_id FROM "
                          "ticket_notice))");
}

QList<RefusedChange> NeedsAttention::refused(const QString& ticketId)
{
    QSqlQuery query(m_db.sql());
    query.prepare(
        QStringLiteral("SELECT %1 FROM outbox WHERE state = 'rejected' AND %2 %3 ORDER BY seq")
            .arg(Outbox::columns(), kMine, ticketId.isEmpty() ? QString() : QStringLiteral("AND entity_id = ?")));
    query.addBindValue(m_db.signedInUser());
    if (!ticketId.isEmpty())
        query.addBindValue(ticketId);
    QList<RefusedChange> out;
    if (query.exec()) {
        while (query.next()) {
            RefusedChange change {Outbox::fromQuery(query), {}, {}, {}};
            const QJsonObject error = QJsonDocument::fromJson(change.entry.lastError.toUtf8()).object();
            change.code = error.value(QStringLiteral("code")).toString();
            change.message = error.value(QStringLiteral("message")).toString();
            change.field = error.value(QStringLiteral("field")).toString();
            out.append(change);
        }
    }
    return out;
}

std::optional<Departure> NeedsAttention::departure(const QString& ticketId)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT data, at_ms FROM ticket_notice WHERE ticket_id = ?"));
    query.addBindValue(ticketId);
    std::optional<Departure> found;
    if (query.exec() && query.next()) {
        const QJsonObject data = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        found = Departure {ticketId, data.value(QStringLiteral("number")).toString(),
            data.value(QStringLiteral("group_id")).toString(), data.value(QStringLiteral("assignee_id")).toString(),
            data.value(QStringLiteral("by")).toString(),
            QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC)};
    }
    query.finish();
    return found;
}

bool NeedsAttention::unsent(const QString& ticketId)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM outbox WHERE entity_id = ? AND name = ? AND state = 'rejected' AND %1)")
                                         .arg(kMine));
    query.addBindValue(ticketId);
    query.addBindValue(QString(intent::TicketCreate));
    query.addBindValue(m_db.signedInUser());
    const bool refused = query.exec() && query.next() && query.value(0).toBool();
    query.finish();
    return refused;
}

qint64 NeedsAttention::count()
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE state = 'rejected' "
                                                    "AND %1) + (SELECT count(*) FROM ticket_notice)")
                                         .arg(kMine));
    query.addBindValue(m_db.signedInUser());
    const qint64 n = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return n;
}

Status NeedsAttention::discard(qint64 seq)
{
    const QList<OutboxEntry> found = Outbox(m_db).entries(seq - 1, 1);
    if (found.isEmpty() || found.first().seq != seq || found.first().state != QLatin1String("rejected"))
        return {};
    const OutboxEntry& entry = found.first();
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started();
    QStringList statements;
    QVariantList values;
    if (entry.name == intent::TicketCreate) {
        // It exists nowhere else: the ticket and everything queued on it go, as the agent chose.
        statements = {QStringLiteral("DELETE FROM ticket WHERE id = ?"),
            QStringLiteral("DELETE FROM ticket_synced WHERE id = ?"),
            QStringLiteral("DELETE FROM outbox WHERE entity_id = ? AND state <> 'acked'")};
        values = {entry.entityId, entry.entityId, entry.entityId};
    } else {
        statements = {QStringLiteral("DELETE FROM outbox WHERE seq = ?"),
            QStringLiteral("DELETE FROM ticket_event WHERE mutation_id = ?")}; // it never happened
        values = {seq, entry.mutationId};
        if (entry.name == intent::CommentAdd) { // the reply never reached anyone
            statements.append(QStringLiteral("DELETE FROM comment WHERE id = ?"));
            values.append(
                entry.args.value(QStringLiteral("comment")).toObject().value(QStringLiteral("id")).toString());
        }
    }
    for (qsizetype i = 0; i < statements.size(); ++i) {
        QSqlQuery& run = m_db.prepared(statements.at(i));
        run.addBindValue(values.at(i));
        const bool ok = run.exec();
        run.finish();
        if (!ok)
            return Database::errorOf(run);
    }
    return transaction.commit();
}

Status NeedsAttention::acknowledge(const QString& ticketId)
{
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started();
    for (const QString& sql : {QStringLiteral("DELETE FROM ticket_notice WHERE ticket_id = ?"),
             QStringLiteral("DELETE FROM ticket WHERE id = ? AND id NOT IN (SELECT entity_id FROM outbox WHERE "
                            "state IN ('pending', 'rejected'))"),
             QStringLiteral("DELETE FROM ticket_synced WHERE id = ? AND id NOT IN (SELECT id FROM ticket)")}) {
        QSqlQuery& run = m_db.prepared(sql);
        run.addBindValue(ticketId);
        const bool ok = run.exec();
        run.finish();
        if (!ok)
            return Database::errorOf(run);
    }
    return transaction.commit();
}

Status NeedsAttention::noteDeparture(Database& db, const Departure& d)
{
    QSqlQuery& insert = db.prepared(QStringLiteral(
        "INSERT INTO ticket_notice(ticket_id, kind, data, at_ms) VALUES (?, 'departed', ?, ?) ON CONFLICT(ticket_id) "
        "DO UPDATE SET data = excluded.data, at_ms = excluded.at_ms"));
    insert.addBindValue(d.ticketId);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("number"), d.number}, {QStringLiteral("group_id"), d.groupId},
            {QStringLiteral("assignee_id"), d.assigneeId},
            {QStringLiteral("by"), d.by}}).toJson(QJsonDocument::Compact)));
    insert.addBindValue(d.at.toMSecsSinceEpoch());
    const bool ok = insert.exec();
    insert.finish();
    return ok ? Status() : Status(Database::errorOf(insert));
}

} // namespace gongdan
