#include "storage/TeamDirectory.h"

#include "storage/FieldDefinitionRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace gongdan {

TeamDirectory::TeamDirectory(Database& db) : m_db(db)
{
    reload();
}

void TeamDirectory::reload()
{
    m_agents.clear();
    m_agentList.clear();
    m_groups.clear();
    m_groupIds.clear();
    QSqlQuery agents(m_db.sql());
    if (agents.exec(QStringLiteral(
            "SELECT id, name, role, ifnull(group_id, ''), groups FROM agent WHERE active ORDER BY name"))) {
        while (agents.next()) {
            m_agents.insert(agents.value(0).toString(), agents.value(1).toString());
            AgentEntry entry {agents.value(0).toString(), agents.value(1).toString(), agents.value(2).toString(),
                agents.value(3).toString(), {}};
            for (const QJsonValue& group : QJsonDocument::fromJson(agents.value(4).toByteArray()).array())
                entry.groupIds.append(group.toString());
            m_agentList.append(entry);
        }
    }
    QSqlQuery groups(m_db.sql());
    if (groups.exec(QStringLiteral("SELECT id, name_zh, name_en FROM team_group WHERE active ORDER BY rowid"))) {
        while (groups.next()) {
            m_groups.insert(groups.value(0).toString(), {groups.value(1).toString(), groups.value(2).toString()});
            m_groupIds.append(groups.value(0).toString());
        }
    }
    auto tree = FieldDefinitionRepository(m_db).categories();
    m_categories = tree ? tree.value() : CategoryTree();
}

QString TeamDirectory::groupOfAgent(const QString& agentId) const
{
    for (const AgentEntry& agent : m_agentList) {
        if (agent.id == agentId)
            return agent.groupId;
    }
    return QString();
}

QString TeamDirectory::groupName(const QString& id, bool chinese) const
{
    const auto it = m_groups.constFind(id);
    if (it == m_groups.constEnd())
        return id;
    return chinese || it->second.isEmpty() ? it->first : it->second;
}

QString TeamDirectory::categoryPath(const QString& id, bool chinese) const
{
    return m_categories.find(id) ? m_categories.pathText(id, chinese) : id;
}

} // namespace gongdan
