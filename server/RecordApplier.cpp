#include "server/RecordApplier.h"

#include "domain/BusinessCalendar.h"
#include "domain/Category.h"
#include "domain/Customer.h"
#include "domain/Dispatch.h"
#include "domain/Escalation.h"
#include "domain/FieldDefinition.h"
#include "domain/JsonCodec.h"
#include "domain/ReportDefinition.h"
#include "domain/SlaPolicy.h"

namespace gongdan {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kField = QStringLiteral("field");
const QString kCategory = QStringLiteral("category");
const QString kCalendar = QStringLiteral("calendar");
const QString kSlaPolicy = QStringLiteral("sla_policy");
const QString kEscalationRule = QStringLiteral("escalation_rule");

Error mismatch(const QString& what)
{
    return Error {QStringLiteral("sync.entity_mismatch"), QStringLiteral("The %1's id is not the entity id.").arg(what),
        QStringLiteral("entity_id")};
}

Error adminsOnly(const QString& what)
{
    return Error {QStringLiteral("access.denied"), QStringLiteral("Only admins change %1.").arg(what), QString()};
}

} // namespace

RecordApplier::RecordApplier(SyncStore& sync, TeamRecordStore& records, SensitiveWrites& sensitive, const Clock& clock)
    : m_sync(sync), m_records(records), m_sensitive(sensitive), m_clock(clock)
{
}

bool RecordApplier::handles(const QString& mutationName)
{
    return mutationName == QLatin1String("customer.upsert") || mutationName == QLatin1String("field.upsert")
        || mutationName == QLatin1String("category.upsert") || mutationName == QLatin1String("calendar.upsert")
        || mutationName == QLatin1String("sla_policy.upsert") || mutationName == QLatin1String("escalation_rule.upsert")
        || mutationName == QLatin1String("dispatch_setting.upsert") || mutationName == QLatin1String("report.upsert");
}

Result<QJsonObject> RecordApplier::apply(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    if (mutation.name == QLatin1String("customer.upsert"))
        return customer(mutation, clientId); // every role meets customers, field staff too
    if (mutation.name == QLatin1String("dispatch_setting.upsert")) { // supervisors run their groups' dispatch
        if (user.role != Role::Admin && user.role != Role::Supervisor)
            return Error {QStringLiteral("access.denied"),
                QStringLiteral("Only supervisors and admins may change dispatch settings."), QString()};
        return dispatchSetting(user, mutation, clientId);
    }
    if (mutation.name == QLatin1String("report.upsert")) { // supervisors and admins save report definitions
        if (!access::maySuperviseFloor(user.principal()))
            return Error {QStringLiteral("access.denied"),
                QStringLiteral("Only supervisors and admins may save report definitions."), QString()};
        return report(mutation, clientId);
    }
    if (mutation.name == QLatin1String("calendar.upsert") || mutation.name == QLatin1String("sla_policy.upsert")) {
        if (user.role != Role::Admin)
            return adminsOnly(mutation.name == QLatin1String("calendar.upsert") ? QStringLiteral("business calendars")
                                                                                : QStringLiteral("SLA policies"));
        return mutation.name == QLatin1String("calendar.upsert") ? calendar(mutation, clientId)
                                                                 : slaPolicy(mutation, clientId);
    }
    if (mutation.name == QLatin1String("escalation_rule.upsert")) {
        if (user.role != Role::Admin)
            return adminsOnly(QStringLiteral("escalation rules"));
        return escalationRule(mutation, clientId);
    }
    if (user.role != Role::Admin)
        return adminsOnly(mutation.name == QLatin1String("field.upsert") ? QStringLiteral("field definitions")
                                                                         : QStringLiteral("categories"));
    return mutation.name == QLatin1String("field.upsert") ? field(mutation, clientId) : category(mutation, clientId);
}

int RecordApplier::nextVersion(const QString& kind, const QString& id)
{
    const std::optional<TeamRecord> existing = m_records.find(kind, id);
    return existing ? existing->version + 1 : 1;
}

Result<QJsonObject> RecordApplier::customer(const Mutation& mutation, const QString& clientId)
{
    const QJsonObject args = mutation.args.value(kCustomer).toObject();
    if (args.value(QStringLiteral("name")).toString().trimmed().isEmpty())
        return Error {QStringLiteral("customer.name_required"), QStringLiteral("A customer needs a name."),
            QStringLiteral("name")};
    auto parsed = JsonCodec::customerFromJson(args);
    if (!parsed)
        return parsed.error();
    Customer customer = parsed.value();
    if (customer.id != mutation.entityId)
        return mismatch(kCustomer);
    if (Status normalized = normalizeCustomer(customer); !normalized)
        return normalized.error();
    if (!customer.number.isEmpty()) {
        const std::optional<QString> holder = m_records.idByKey(kCustomer, customer.number);
        if (holder && *holder != customer.id)
            return Error {QStringLiteral("customer.number_taken"),
                QStringLiteral("The customer number %1 is already used.").arg(customer.number),
                QStringLiteral("number")};
    }
    const QDateTime now = m_clock.now();
    const std::optional<TeamRecord> existing = m_records.find(kCustomer, customer.id);
    if (existing) {
        customer.createdAt
            = QDateTime::fromString(existing->data.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    } else if (!customer.createdAt.isValid() || customer.createdAt > now) {
        customer.createdAt = now; // a device's clock may be days off: never a creation in the future
    }
    customer.updatedAt = now;
    customer.version = existing ? existing->version + 1 : 1;
    // The ID card and bank card in clear go to the vault; the record and the change log hold the masked form.
    if (Status sealed = m_sensitive.seal(customer, existing ? existing->data : QJsonObject()); !sealed)
        return sealed.error();
    QStringList search {customer.name, customer.number};
    for (const QString& phone : customer.phones)
        search.append(normalizePhone(phone));
    return commit({kCustomer, customer.id, JsonCodec::toJson(customer), customer.version, 0}, customer.number,
        search.join(QLatin1Char(' ')), mutation, clientId);
}

Result<QJsonObject> RecordApplier::field(const Mutation& mutation, const QString& clientId)
{
    auto parsed = FieldDefinition::fromJson(mutation.args.value(QStringLiteral("definition")).toObject());
    if (!parsed)
        return parsed.error();
    const FieldDefinition& definition = parsed.value();
    if (definition.id.isEmpty() || definition.id != mutation.entityId)
        return mismatch(QStringLiteral("field definition"));
    const std::optional<TeamRecord> existing = m_records.find(kField, definition.id);
    if (existing) {
        auto before = FieldDefinition::fromJson(existing->data);
        if (!before)
            return Error {QStringLiteral("server.stored_record"), before.error().message, QString()};
        if (Status allowed = checkFieldDefinitionUpdate(before.value(), definition); !allowed)
            return allowed.error();
    } else if (Status allowed = checkFieldDefinition(definition); !allowed) {
        return allowed.error();
    }
    if (const std::optional<QString> holder = m_records.idByKey(kField, definition.key);
        holder && *holder != definition.id)
        return Error {QStringLiteral("field.key_taken"),
            QStringLiteral("Another field already has the key \"%1\".").arg(definition.key), QStringLiteral("key")};
    return commit({kField, definition.id, definition.toJson(), existing ? existing->version + 1 : 1, 0}, definition.key,
        definition.key, mutation, clientId);
}

Result<QJsonObject> RecordApplier::category(const Mutation& mutation, const QString& clientId)
{
    auto parsed = JsonCodec::categoryFromJson(mutation.args.value(kCategory).toObject());
    if (!parsed)
        return parsed.error();
    const Category& category = parsed.value();
    if (category.id != mutation.entityId)
        return mismatch(kCategory);
    auto stored = m_records.list(kCategory, {}, {}, 100000);
    if (!stored)
        return stored.error();
    QList<Category> tree {category};
    for (const TeamRecord& record : stored.value()) {
        auto other = JsonCodec::categoryFromJson(record.data);
        if (other && other.value().id != category.id)
            tree.append(other.value());
    }
    if (auto checked = CategoryTree::build(tree); !checked)
        return checked.error();
    return commit({kCategory, category.id, JsonCodec::toJson(category), nextVersion(kCategory, category.id), 0}, {},
        QString(category.nameZh + QLatin1Char(' ') + category.nameEn), mutation, clientId);
}

Result<QJsonObject> RecordApplier::calendar(const Mutation& mutation, const QString& clientId)
{
    auto parsed = BusinessCalendar::fromJson(mutation.args.value(kCalendar).toObject());
    if (!parsed)
        return parsed.error();
    BusinessCalendar& calendar = parsed.value();
    if (calendar.id.isEmpty() || calendar.id != mutation.entityId)
        return mismatch(QStringLiteral("calendar"));
    calendar.version = nextVersion(kCalendar, calendar.id);
    return commit(
        {kCalendar, calendar.id, calendar.toJson(), calendar.version, 0}, {}, calendar.name, mutation, clientId);
}

Result<QJsonObject> RecordApplier::slaPolicy(const Mutation& mutation, const QString& clientId)
{
    auto parsed = SlaPolicy::fromJson(mutation.args.value(QStringLiteral("policy")).toObject());
    if (!parsed)
        return parsed.error();
    SlaPolicy& policy = parsed.value();
    if (policy.id.isEmpty() || policy.id != mutation.entityId)
        return mismatch(QStringLiteral("SLA policy"));
    if (!policy.calendarId.isEmpty() && !m_records.find(kCalendar, policy.calendarId))
        return Error {QStringLiteral("sla.unknown_calendar"),
            QStringLiteral("There is no calendar \"%1\"; create it first, or leave calendar_id empty for 24/7.")
                .arg(policy.calendarId),
            QStringLiteral("calendar_id")};
    if (!mutation.args.value(QStringLiteral("policy")).toObject().contains(QStringLiteral("position"))
        && !m_records.find(kSlaPolicy, policy.id)) {
        int last = 0; // a new policy without a position comes after the others, never silently first
        if (auto all = m_records.list(kSlaPolicy, {}, {}, 100000)) {
            for (const TeamRecord& other : all.value())
                last = std::max(last, other.data.value(QStringLiteral("position")).toInt());
        }
        policy.position = last + 1;
    }
    policy.version = nextVersion(kSlaPolicy, policy.id);
    return commit({kSlaPolicy, policy.id, policy.toJson(), policy.version, 0}, {}, policy.name, mutation, clientId);
}

Result<QJsonObject> RecordApplier::escalationRule(const Mutation& mutation, const QString& clientId)
{
    const QJsonObject args = mutation.args.value(QStringLiteral("rule")).toObject();
    auto parsed = EscalationRule::fromJson(args);
    if (!parsed)
        return parsed.error();
    const EscalationRule& rule = parsed.value();
    if (rule.id.isEmpty() || rule.id != mutation.entityId)
        return mismatch(QStringLiteral("escalation rule"));
    if (!rule.policyId.isEmpty() && !m_records.find(kSlaPolicy, rule.policyId))
        return Error {QStringLiteral("escalation.unknown_policy"),
            QStringLiteral("There is no SLA policy \"%1\"; leave policy_id empty for any policy.").arg(rule.policyId),
            QStringLiteral("policy_id")};
    QJsonObject data = rule.toJson();
    data.insert(QStringLiteral("name"), args.value(QStringLiteral("name")).toString());
    data.insert(QStringLiteral("enabled"), args.value(QStringLiteral("enabled")).toBool(true));
    const int version = nextVersion(kEscalationRule, rule.id);
    data.insert(QStringLiteral("version"), version);
    return commit({kEscalationRule, rule.id, data, version, 0}, {}, data.value(QStringLiteral("name")).toString(),
        mutation, clientId);
}

Result<QJsonObject> RecordApplier::report(const Mutation& mutation, const QString& clientId)
{
    auto parsed = ReportDefinition::fromJson(mutation.args.value(QStringLiteral("report")).toObject());
    if (!parsed)
        return parsed.error();
    ReportDefinition& report = parsed.value();
    if (report.id.isEmpty() || report.id != mutation.entityId)
        return mismatch(QStringLiteral("report"));
    const QString kind = QStringLiteral("report");
    report.version = nextVersion(kind, report.id);
    return commit({kind, report.id, report.toJson(), report.version, 0}, {}, report.name, mutation, clientId);
}

Result<QJsonObject> RecordApplier::dispatchSetting(
    const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    auto parsed = DispatchSettings::fromJson(mutation.args.value(QStringLiteral("setting")).toObject());
    if (!parsed)
        return parsed.error();
    DispatchSettings& setting = parsed.value();
    if (setting.id != mutation.entityId)
        return mismatch(QStringLiteral("dispatch setting"));
    const QString kind = QStringLiteral("dispatch_setting");
    // A supervisor runs the dispatch of their own groups: the group the record is for, and the one it was for.
    if (user.role == Role::Supervisor) {
        QStringList groups {setting.groupId};
        if (const std::optional<TeamRecord> existing = m_records.find(kind, setting.id))
            groups.append(existing->data.value(QStringLiteral("group_id")).toString());
        for (const QString& group : std::as_const(groups)) {
            if (!user.groupIds.contains(group))
                return Error {QStringLiteral("access.denied"),
                    QStringLiteral("Supervisors change the dispatch settings of their own groups only."),
                    QStringLiteral("group_id")};
        }
    }
    if (auto other = m_records.idByKey(kind, setting.groupId); other && *other != setting.id)
        return Error {QStringLiteral("dispatch.group_taken"),
            QStringLiteral("The group \"%1\" has dispatch settings already.").arg(setting.groupId),
            QStringLiteral("group_id")};
    return commit({kind, setting.id, setting.toJson(), nextVersion(kind, setting.id), 0}, setting.groupId,
        setting.groupId, mutation, clientId);
}

Result<QJsonObject> RecordApplier::commit(TeamRecord record, const QString& uniqueKey, const QString& search,
    const Mutation& mutation, const QString& clientId)
{
    auto seq = m_sync.nextSeq();
    if (!seq)
        return seq.error();
    record.serverSeq = seq.value();
    if (Status stored = m_records.store(record, uniqueKey, search); !stored)
        return stored.error();
    if (Status logged = m_sync.appendChange(seq.value(), record.kind, record.id, ChangeScope {true, {}, {}, {}, {}},
            QStringLiteral("upsert"), record.data, mutation.mutationId, clientId);
        !logged)
        return logged.error();
    return QJsonObject {{QStringLiteral("seq"), mutation.seq}, {QStringLiteral("mutation_id"), mutation.mutationId},
        {QStringLiteral("status"), QStringLiteral("applied")}, {QStringLiteral("server_seq"), seq.value()},
        {QStringLiteral("entity_id"), record.id}, {QStringLiteral("version"), record.version}};
}

} // namespace gongdan
