#include "storage/WorkflowRecords.h"

#include "storage/Outbox.h"

#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>

namespace gongdan {

QString WorkflowRecords::argumentOf(const QString& kind)
{
    if (kind == kSlaPolicy)
        return QStringLiteral("policy");
    if (kind == kEscalationRule)
        return QStringLiteral("rule");
    if (kind == kDispatchSetting)
        return QStringLiteral("setting");
    if (kind == kReport)
        return kReport;
    return kCalendar;
}

QList<QJsonObject> WorkflowRecords::list(const QString& kind)
{
    QMap<QString, QJsonObject> records;
    QMap<QString, qint64> seqs;
    QSqlQuery& synced = m_db.prepared(QStringLiteral("SELECT id, data, server_seq FROM record_synced WHERE kind = ?"));
    synced.addBindValue(kind);
    if (synced.exec()) {
        while (synced.next()) {
            records.insert(synced.value(0).toString(), QJsonDocument::fromJson(synced.value(1).toByteArray()).object());
            seqs.insert(synced.value(0).toString(), synced.value(2).toLongLong());
        }
    }
    synced.finish();
    // This desk's upserts still on their way (pending), or applied but not pulled back yet.
    QSqlQuery& queued = m_db.prepared(QStringLiteral("SELECT entity_id, args, state, acked_server_seq FROM outbox "
                                                     "WHERE name = ? AND state IN ('pending', 'acked') ORDER BY seq"));
    queued.addBindValue(QString(kind + QStringLiteral(".upsert")));
    if (queued.exec()) {
        while (queued.next()) {
            const QString id = queued.value(0).toString();
            const bool pending = queued.value(2).toString() == QLatin1String("pending");
            if (!pending && queued.value(3).toLongLong() <= seqs.value(id, 0))
                continue;
            const QJsonObject args = QJsonDocument::fromJson(queued.value(1).toByteArray()).object();
            records.insert(id, args.value(argumentOf(kind)).toObject());
        }
    }
    queued.finish();
    return records.values();
}

Status WorkflowRecords::save(const QString& kind, const QJsonObject& data)
{
    const QString id = data.value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        return Error {
            QStringLiteral("storage.record_without_id"), QStringLiteral("A record needs an id."), QStringLiteral("id")};
    SqlTransaction transaction(m_db);
    Outbox outbox(m_db);
    if (auto queued = outbox.append(kind + QStringLiteral(".upsert"), id, {{argumentOf(kind), data}}); !queued)
        return queued.error();
    return transaction.commit();
}

std::optional<Error> WorkflowRecords::refusal(const QString& kind, const QString& id)
{
    QSqlQuery& latest = m_db.prepared(QStringLiteral(
        "SELECT state, last_error FROM outbox WHERE name = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1"));
    latest.addBindValue(QString(kind + QStringLiteral(".upsert")));
    latest.addBindValue(id);
    std::optional<Error> why;
    if (latest.exec() && latest.next() && latest.value(0).toString() == QLatin1String("rejected")) {
        const QJsonObject error = QJsonDocument::fromJson(latest.value(1).toByteArray()).object();
        why = Error {error.value(QStringLiteral("code")).toString(),
            error.value(QStringLiteral("message")).toString(latest.value(1).toString()),
            error.value(QStringLiteral("field")).toString()};
    }
    latest.finish();
    return why;
}

} // namespace gongdan
