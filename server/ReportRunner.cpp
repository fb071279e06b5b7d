#include "server/ReportRunner.h"

#include "domain/Customer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace gongdan {

namespace {

QByteArray line(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

struct ReportRunner::Run {
    ReportDefinition definition;
    std::optional<QStringList> groups; ///< nullopt: every group
    SlaSetup sla;
    QTimeZone zone;
    QDateTime from, to;
    qint64 now = 0;
    ReportAccumulator accumulator;
    QString after;
    Wanted wanted;
    Done done;
    QHash<QString, QString> groupNames {}, groupNamesEn {}, userNames {}, categoryNames {}, categoryNamesEn {};
};

ReportRunner::ReportRunner(ServerDatabase& database, UserRepository& users, TeamRecordStore& records,
    const Clock& clock, SlaSource sla, QObject* parent)
    : QObject(parent), m_database(database), m_users(users), m_records(records), m_clock(clock), m_sla(std::move(sla))
{
}

QTimeZone ReportRunner::zoneOf(const SlaSetup& setup)
{
    return setup.policies.isEmpty() ? QTimeZone(QByteArrayLiteral("Asia/Shanghai"))
                                    : setup.calendarOf(setup.policies.first()).zone();
}

Result<ReportDefinition> ReportRunner::saved(const QString& id)
{
    if (const std::optional<TeamRecord> record = m_records.find(QStringLiteral("report"), id)) {
        auto parsed = ReportDefinition::fromJson(record->data);
        if (!parsed)
            return Error {QStringLiteral("server.stored_record"), parsed.error().message, QString()};
        return parsed;
    }
    for (const ReportDefinition& example : ReportDefinition::examples()) {
        if (example.id == id)
            return example;
    }
    return Error {
        QStringLiteral("report.not_found"), QStringLiteral("There is no report \"%1\".").arg(id), QStringLiteral("id")};
}

void ReportRunner::run(const ReportDefinition& definition, const UserRecord& who, Wanted wanted, Done done)
{
    std::optional<QStringList> groups;
    if (who.role == Role::Supervisor)
        groups = who.groupIds;
    else if (who.role != Role::Admin) {
        QTimer::singleShot(0, this, [done] {
            done(Error {
                QStringLiteral("access.denied"), QStringLiteral("Reports are for supervisors and admins."), QString()});
        });
        return;
    }
    const SlaSetup sla = m_sla();
    const QTimeZone zone = zoneOf(sla);
    const QDateTime now = m_clock.now();
    const auto [from, to] = definition.period.resolve(now, zone);
    auto run = std::make_shared<Run>(Run {definition, groups, sla, zone, from, to, now.toSecsSinceEpoch(),
        ReportAccumulator(definition, from, to, zone, who.id), QString(), std::move(wanted), std::move(done)});
    QTimer::singleShot(0, this, [this, run] { step(run); });
}

void ReportRunner::step(const std::shared_ptr<Run>& run)
{
    if (run->wanted && !run->wanted())
        return; // nobody to answer
    auto page = ReportStore(m_database).page(run->groups, run->after, kPage);
    if (!page)
        return run->done(page.error());
    for (const ReportStore::Item& item : page.value()) {
        if (run->accumulator.includes(item.ticket, item.extra))
            run->accumulator.add(
                ReportEngine::factsOf(item.ticket, item.events, item.comments, run->sla, run->now, item.extra));
    }
    if (page.value().size() == kPage) {
        run->after = page.value().last().ticket.id;
        QTimer::singleShot(0, this, [this, run] { step(run); });
        return;
    }
    run->done(finish(*run));
}

QString ReportRunner::labelOf(ReportGrouping grouping, const QString& key, Run& run)
{
    if (key.isEmpty())
        return {};
    switch (grouping) {
    case ReportGrouping::Group:
        if (run.groupNames.isEmpty()) {
            for (const GroupRecord& group : m_users.groups()) {
                run.groupNames.insert(group.id, group.nameZh);
                run.groupNamesEn.insert(group.id, group.nameEn);
            }
        }
        return run.groupNames.value(key, key);
    case ReportGrouping::Agent:
        if (run.userNames.isEmpty()) {
            for (const UserRecord& user : m_users.list())
                run.userNames.insert(user.id, user.name);
        }
        return run.userNames.value(key, key);
    case ReportGrouping::Category:
        if (run.categoryNames.isEmpty()) {
            if (auto all = m_records.list(QStringLiteral("category"), {}, {}, 100000)) {
                for (const TeamRecord& record : all.value()) {
                    run.categoryNames.insert(record.id, record.data.value(QStringLiteral("name_zh")).toString());
                    run.categoryNamesEn.insert(record.id, record.data.value(QStringLiteral("name_en")).toString());
                }
            }
        }
        return run.categoryNames.value(key, key);
    case ReportGrouping::NeedType:
        if (auto value = EnumText<NeedType>::fromKey(key))
            return EnumText<NeedType>::displayName(*value);
        return key;
    case ReportGrouping::Priority:
        if (auto value = EnumText<Priority>::fromKey(key))
            return EnumText<Priority>::displayName(*value);
        return key;
    case ReportGrouping::Channel:
        if (auto value = EnumText<Channel>::fromKey(key))
            return EnumText<Channel>::displayName(*value);
        return key;
    case ReportGrouping::CustomerLevel:
        if (auto value = Customer::levelFromKey(key))
            return Customer::levelName(*value);
        return key;
    default:
        return key;
    }
}

QByteArray ReportRunner::finish(Run& run)
{
    QJsonArray columns;
    for (ReportMeasure measure : run.definition.measures)
        columns.append(QJsonObject {{QStringLiteral("key"), ReportDefinition::measureKey(measure)},
            {QStringLiteral("rate"), ReportDefinition::isRate(measure)}});
    QByteArray body = line(QJsonObject {{QStringLiteral("type"), QStringLiteral("report")},
        {QStringLiteral("report"), run.definition.toJson()}, {QStringLiteral("from"), run.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), run.to.toString(Qt::ISODate)},
        {QStringLiteral("time_zone"), QString::fromLatin1(run.zone.id())}, {QStringLiteral("columns"), columns}});
    for (const ReportRow& row : run.accumulator.rows()) {
        QJsonObject json = row.toJson();
        json.insert(QStringLiteral("type"), QStringLiteral("row"));
        json.insert(QStringLiteral("label"), labelOf(run.definition.grouping, row.key, run));
        // A group's or category's English name as well, for a desk working in English (labelOf has filled them).
        const QString english = run.definition.grouping == ReportGrouping::Group ? run.groupNamesEn.value(row.key)
            : run.definition.grouping == ReportGrouping::Category                ? run.categoryNamesEn.value(row.key)
                                                                                 : QString();
        if (!english.isEmpty())
            json.insert(QStringLiteral("label_en"), english);
        body.append(line(json));
    }
    body.append(line(QJsonObject {{QStringLiteral("type"), QStringLiteral("total")},
        {QStringLiteral("tickets"), run.accumulator.tickets()},
        {QStringLiteral("values"), run.accumulator.total().values}}));
    return body;
}

} // namespace gongdan
