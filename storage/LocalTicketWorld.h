#pragma once

#include "domain/TicketWorld.h"
#include "storage/Database.h"
#include "storage/FieldDefinitionRepository.h"

namespace gongdan {

/// The ticket rules' view of the world from the workstation's local store: the team directory as last
/// synced (agent, team_group), the customer archive, the field definitions and categories, the tickets
/// and their aliases. Definitions and categories are read once per instance: make one per command.
class LocalTicketWorld final : public TicketWorld {
public:
    LocalTicketWorld(Database& db, FieldDefinitionRepository& fields);

    std::optional<GroupFacts> group(const QString& id) override;
    std::optional<UserFacts> user(const QString& id) override;
    bool customerExists(const QString& id) override;
    const CategoryTree& categories() override;
    const QList<FieldDefinition>& fieldDefinitions() override;
    std::optional<Ticket> ticket(const QString& id) override;
    QList<Comment> comments(const QString& ticketId) override;
    QString ticketOfReference(const QString& reference) override;

    /// The person as the rules see them, from the local directory (role and every group); a person the
    /// directory does not know is an agent of no group.
    static Principal principalOf(Database& db, const QString& userId);

private:
    Database& m_db;
    FieldDefinitionRepository& m_fields;
    std::optional<CategoryTree> m_categories;
    std::optional<QList<FieldDefinition>> m_definitions;
};

} // namespace gongdan
