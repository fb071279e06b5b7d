#pragma once

#include "domain/SlaStamp.h"
#include "domain/TicketWorld.h"
#include "teamdb/SyncStore.h"
#include "teamdb/TeamRecordStore.h"
#include "teamdb/UserRepository.h"

#include <QHash>

namespace gongdan {

/// The ticket rules' view of the world from the team database: users and groups (UserRepository),
/// customers, field definitions and categories (TeamRecordStore), tickets and their aliases (SyncStore).
/// Groups, definitions and categories are read once per instance; a push makes one for its intents, so
/// they all see the same team inside the push's transaction.
class ServerTicketWorld final : public TicketWorld {
public:
    ServerTicketWorld(SyncStore& store, UserRepository& users, TeamRecordStore& records);

    std::optional<GroupFacts> group(const QString& id) override;
    std::optional<UserFacts> user(const QString& id) override;
    bool customerExists(const QString& id) override;
    const CategoryTree& categories() override;
    const QList<FieldDefinition>& fieldDefinitions() override;
    std::optional<Ticket> ticket(const QString& id) override;
    QList<Comment> comments(const QString& ticketId) override;
    QString ticketOfReference(const QString& reference) override;

    /// The team's SLA policies and calendars (team records), read once per batch.
    const SlaSetup& sla();
    /// What SLA policies match beyond the ticket's own fields: its customer's level.
    QJsonObject slaFacts(const Ticket& ticket);

    /// Forgets what was read once (a push that changed categories, definitions or SLA settings mid-way).
    void forget();

private:
    SyncStore& m_store;
    UserRepository& m_users;
    TeamRecordStore& m_records;
    std::optional<QHash<QString, GroupFacts>> m_groups;
    std::optional<CategoryTree> m_categories;
    std::optional<QList<FieldDefinition>> m_definitions;
    std::optional<SlaSetup> m_sla;
};

} // namespace gongdan
