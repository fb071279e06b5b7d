#include "storage/RecordCache.h"

#include "domain/JsonCodec.h"

#include <QJsonDocument>

namespace gongdan {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kField = QStringLiteral("field");
const QString kCategory = QStringLiteral("category");
const QString kView = QStringLiteral("view");
// Kept as the server's copy alone (record_synced): business calendars and SLA policies, which the desk reads to
// show and compute SLA clocks offline; admins change them on the server.
const QString kCalendar = QStringLiteral("calendar");
const QString kSlaPolicy = QStringLiteral("sla_policy");
// Also the server's copy alone: escalation chains, and this user's notifications (storage/NotificationInbox).
const QString kEscalationRule = QStringLiteral("escalation_rule");
const QString kNotification = QStringLiteral("notification");
// Dispatch settings (storage/DeskDispatch reads how long an offer waits for 确认接收); supervisors change them.
const QString kDispatchSetting = QStringLiteral("dispatch_setting");
// Saved report definitions (ui/reports/ReportWindow lists them); supervisors and admins change them.
const QString kReport = QStringLiteral("report");

} // namespace

RecordCache::RecordCache(Database& db) : m_db(db), m_outbox(db), m_customers(db), m_fields(db), m_views(db) { }

bool RecordCache::isRecord(const QString& entity)
{
    return entity == kCustomer || entity == kField || entity == kCategory || entity == kView || entity == kCalendar
        || entity == kSlaPolicy || entity == kEscalationRule || entity == kNotification || entity == kDispatchSetting
        || entity == kReport;
}

QString RecordCache::kindOfIntent(const QString& intentName)
{
    const QString kind = intentName.section(QLatin1Char('.'), 0, 0);
    if (kind == kView)
        return intentName == QLatin1String("view.upsert") || intentName == QLatin1String("view.delete") ? kind
                                                                                                        : QString();
    return intentName.endsWith(QLatin1String(".upsert")) && isRecord(kind) ? kind : QString();
}

Status RecordCache::applyPulled(
    const QString& kind, const QString& id, const QJsonObject& data, qint64 serverSeq, qint64 cursor)
{
    QSqlQuery& upsert = m_db.prepared(
        QStringLiteral("INSERT INTO record_synced(kind, id, data, server_seq) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(kind, id) DO UPDATE SET data = excluded.data, server_seq = excluded.server_seq"));
    upsert.addBindValue(kind);
    upsert.addBindValue(id);
    upsert.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
    upsert.addBindValue(serverSeq);
    const bool ok = upsert.exec();
    upsert.finish();
    if (!ok)
        return Database::errorOf(upsert);
    if (Status written = writeVisible(kind, data); !written)
        return written;
    return replayQueued(id, cursor);
}

Status RecordCache::applyPulledDelete(const QString& kind, const QString& id, qint64 cursor)
{
    QSqlQuery& drop = m_db.prepared(QStringLiteral("DELETE FROM record_synced WHERE kind = ? AND id = ?"));
    drop.addBindValue(kind);
    drop.addBindValue(id);
    const bool ok = drop.exec();
    drop.finish();
    if (!ok)
        return Database::errorOf(drop);
    if (kind == kView) {
        if (Status erased = m_views.erase(id); !erased)
            return erased;
    }
    return replayQueued(id, cursor);
}

Status RecordCache::restore(const QString& kind, const QString& id, qint64 cursor)
{
    QSqlQuery& synced = m_db.prepared(QStringLiteral("SELECT data FROM record_synced WHERE kind = ? AND id = ?"));
    synced.addBindValue(kind);
    synced.addBindValue(id);
    QJsonObject copy;
    if (synced.exec() && synced.next())
        copy = QJsonDocument::fromJson(synced.value(0).toByteArray()).object();
    synced.finish();
    if (copy.isEmpty())
        return {};
    if (Status written = writeVisible(kind, copy); !written)
        return written;
    return replayQueued(id, cursor);
}

Status RecordCache::writeVisible(const QString& kind, const QJsonObject& data)
{
    const QString id = data.value(QStringLiteral("id")).toString();
    if (kind == kCalendar || kind == kSlaPolicy || kind == kEscalationRule || kind == kNotification
        || kind == kDispatchSetting || kind == kReport)
        return {}; // no visible row: the server's copy is what the desk reads
    if (kind == kView) {
        auto view = TicketView::fromJson(data);
        return view ? m_views.write(view.value()) : Status(view.error());
    }
    if (kind == kCustomer) {
        auto customer = JsonCodec::customerFromJson(data);
        if (!customer)
            return customer.error();
        if (!customer.value().number.isEmpty()) {
            QSqlQuery& aside
                = m_db.prepared(QStringLiteral("UPDATE customer SET number = NULL WHERE number = ? AND id <> ?"));
            aside.addBindValue(customer.value().number);
            aside.addBindValue(id);
            const bool ok = aside.exec();
            aside.finish();
            if (!ok)
                return Database::errorOf(aside);
        }
        auto written = m_customers.write(customer.value());
        return written ? Status() : Status(written.error());
    }
    if (kind == kField) {
        auto definition = FieldDefinition::fromJson(data);
        if (!definition)
            return definition.error();
        QSqlQuery& aside = m_db.prepared(QStringLiteral("DELETE FROM field_definition WHERE key = ? AND id <> ?"));
        aside.addBindValue(definition.value().key);
        aside.addBindValue(id);
        const bool ok = aside.exec();
        aside.finish();
        if (!ok)
            return Database::errorOf(aside);
        return m_fields.write(definition.value());
    }
    auto category = JsonCodec::categoryFromJson(data);
    return category ? m_fields.writeCategory(category.value()) : Status(category.error());
}

Status RecordCache::replayQueued(const QString& id, qint64 cursor)
{
    for (const OutboxEntry& entry : m_outbox.undelivered(id, cursor)) {
        const QString kind = kindOfIntent(entry.name);
        const Status replayed = kind == kCustomer ? m_customers.replay(entry)
            : kind == kView                       ? m_views.replay(entry)
            : kind.isEmpty() || kind == kCalendar || kind == kSlaPolicy || kind == kDispatchSetting
                || kind == kEscalationRule || kind == kNotification
            ? Status()
            : m_fields.replay(entry);
        if (!replayed)
            return replayed;
    }
    return {};
}

} // namespace gongdan
