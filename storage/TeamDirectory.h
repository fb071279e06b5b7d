#pragma once

#include "domain/Category.h"
#include "storage/Database.h"

#include <QHash>

namespace gongdan {

/// One agent as lists show it.
struct AgentEntry {
    QString id, name, role, groupId; ///< groupId: the first group
    QStringList groupIds; ///< every group they belong to
};

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
    const QList<AgentEntry>& agents() const { return m_agentList; } ///< by name
    QString groupOfAgent(const QString& agentId) const;
    const QStringList& groupIds() const { return m_groupIds; } ///< in the order the team lists them

private:
    Database& m_db;
    QHash<QString, QString> m_agents;
    QList<AgentEntry> m_agentList;
    QHash<QString, QPair<QString, QString>> m_groups;
    QStringList m_groupIds;
    CategoryTree m_categories;
};

} // namespace gongdan
