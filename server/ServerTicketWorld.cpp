#include "server/ServerTicketWorld.h"

#include "domain/JsonCodec.h"

namespace gongdan {

ServerTicketWorld::ServerTicketWorld(SyncStore& store, UserRepository& users, TeamRecordStore& records)
    : m_store(store), m_users(users), m_records(records)
{
}

void ServerTicketWorld::forget()
{
    m_groups.reset();
    m_categories.reset();
    m_definitions.reset();
    m_sla.reset();
}

const SlaSetup& ServerTicketWorld::sla()
{
    if (!m_sla) {
        m_sla.emplace();
        if (auto stored = m_records.list(QStringLiteral("calendar"), {}, {}, 100000)) {
            for (const TeamRecord& record : stored.value()) {
                if (auto calendar = BusinessCalendar::fromJson(record.data))
                    m_sla->calendars.insert(record.id, calendar.value());
            }
        }
        if (auto stored = m_records.list(QStringLiteral("sla_policy"), {}, {}, 100000)) {
            for (const TeamRecord& record : stored.value()) {
                if (auto policy = SlaPolicy::fromJson(record.data))
                    m_sla->policies.append(policy.value());
            }
        }
    }
    return *m_sla;
}

QJsonObject ServerTicketWorld::slaFacts(const Ticket& ticket)
{
    if (ticket.customerId.isEmpty())
        return {};
    const std::optional<TeamRecord> customer = m_records.find(QStringLiteral("customer"), ticket.customerId);
    return customer ? QJsonObject {{QStringLiteral("customer_level"), customer->data.value(QStringLiteral("level"))}}
                    : QJsonObject();
}

std::optional<GroupFacts> ServerTicketWorld::group(const QString& id)
{
    if (!m_groups) {
        m_groups.emplace();
        for (const GroupRecord& group : m_users.groups())
            m_groups->insert(group.id, GroupFacts {group.id, group.active});
    }
    const auto it = m_groups->constFind(id);
    return it == m_groups->constEnd() ? std::nullopt : std::optional<GroupFacts>(*it);
}

std::optional<UserFacts> ServerTicketWorld::user(const QString& id)
{
    if (id.isEmpty())
        return std::nullopt;
    const std::optional<UserRecord> user = m_users.find(id);
    if (!user)
        return std::nullopt;
    return UserFacts {user->id, user->role, user->active, user->groupIds};
}

bool ServerTicketWorld::customerExists(const QString& id)
{
    return m_records.find(QStringLiteral("customer"), id).has_value();
}

const CategoryTree& ServerTicketWorld::categories()
{
    if (!m_categories) {
        QList<Category> list;
        if (auto stored = m_records.list(QStringLiteral("category"), {}, {}, 100000)) {
            for (const TeamRecord& record : stored.value()) {
                if (auto category = JsonCodec::categoryFromJson(record.data))
                    list.append(category.value());
            }
        }
        auto tree = CategoryTree::build(list);
        m_categories = tree ? tree.value() : CategoryTree();
    }
    return *m_categories;
}

const QList<FieldDefinition>& ServerTicketWorld::fieldDefinitions()
{
    if (!m_definitions) {
        m_definitions.emplace();
        if (auto stored = m_records.list(QStringLiteral("field"), {}, {}, 100000)) {
            for (const TeamRecord& record : stored.value()) {
                if (auto definition = FieldDefinition::fromJson(record.data))
                    m_definitions->append(definition.value());
            }
        }
        std::sort(m_definitions->begin(), m_definitions->end(),
            [](const FieldDefinition& a, const FieldDefinition& b) { return a.order < b.order; });
    }
    return *m_definitions;
}

std::optional<Ticket> ServerTicketWorld::ticket(const QString& id)
{
    return id.isEmpty() ? std::nullopt : m_store.ticket(id);
}

QList<Comment> ServerTicketWorld::comments(const QString& ticketId)
{
    return m_store.comments(ticketId);
}

QString ServerTicketWorld::ticketOfReference(const QString& reference)
{
    const std::optional<Ticket> owner = m_store.ticketByNumberOrAlias(reference);
    return owner ? owner->id : QString();
}

} // namespace gongdan
