#pragma once

#include "domain/Category.h"
#include "domain/FieldDefinition.h"
#include "storage/Database.h"
#include "storage/Outbox.h"

#include <QList>

namespace gongdan {

/// Custom field definitions and the category tree: what generated forms and validation read. Admin
/// edits are checked by the domain rules and queued as field.upsert / category.upsert intents.
class FieldDefinitionRepository {
public:
    explicit FieldDefinitionRepository(Database& db);

    /// Every definition, active or not, in display order.
    QList<FieldDefinition> definitions();
    std::optional<FieldDefinition> find(const QString& key);
    /// Adds a new definition or changes one; a changed type or key is refused.
    Result<FieldDefinition> save(FieldDefinition definition);

    Result<CategoryTree> categories();
    /// Adds or changes a category; refused when the tree would become invalid.
    Status saveCategory(const Category& category);

    /// Re-applies a queued field.upsert / category.upsert without queuing it again.
    Status replay(const OutboxEntry& entry);

    /// Store without queuing: for data that came from the authority (sync, the demo seeder).
    Status write(const FieldDefinition& definition);
    Status writeCategory(const Category& category);

private:
    Database& m_db;
    Outbox m_outbox;
};

} // namespace gongdan
