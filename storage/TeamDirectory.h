#pragma once

#include "Category.h"
#include "Database.h"

#include <QHash>

namespace gongdan {

/// Names of agents, groups and categories by id, for lists that show ids as names. Loaded in one go;
/// call reload() after the team changes.
class TeamDirectory {
public:
    explicit TeamDirectory(Database& db);
    void reload();

    QString agentName(const QString& id) const { return m_agents.value(id, id); }
    QString groupName(const QString& id, bool chinese) const;
    QString categoryPath(const QString& id, bool chinese) const;
    const CategoryTree& categories() const { return m_categories; }

private:
    Database& m_db;
    QHash<QString, QString> m_agents;
    QHash<QString, QPair<QString, QString>> m_groups;
    CategoryTree m_categories;
};

} // namespace gongdan
