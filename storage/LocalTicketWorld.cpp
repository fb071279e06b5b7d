#include "storage/LocalTicketWorld.h"

#include "storage/TicketRows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gongdan {

LocalTicketWorld::LocalTicketWorld(Database& db, FieldDefinitionRepository& fields) : m_db(db), m_fields(fields) { }

std::optional<GroupFacts> LocalTicketWorld::group(const QString& id)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT active FROM team_group WHERE id = ?"));
    query.addBindValue(id);
    std::optional<GroupFacts> found;
    if (query.exec() && query.next())
        found = GroupFacts {id, query.value(0).toBool()};
    query.finish();
    return found;
}

std::optional<UserFacts> LocalTicketWorld::user(const QString& id)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT role, active, groups FROM agent WHERE id = ?"));
    query.addBindValue(id);
    std::optional<UserFacts> found;
    if (query.exec() && query.next()) {
        UserFacts facts {
            id, roleFromName(query.value(0).toString()).value_or(Role::Agent), query.value(1).toBool(), {}};
        for (const QJsonValue& group : QJsonDocument::fromJson(query.value(2).toByteArray()).array())
            facts.groupIds.append(group.toString());
        found = facts;
    }
    query.finish();
    return found;
}

Principal LocalTicketWorld::principalOf(Database& db, const QString& userId)
{
    QSqlQuery& query = db.prepared(QStringLiteral("SELECT role, groups FROM agent WHERE id = ?"));
    query.addBindValue(userId);
    Principal who {userId, Role::Agent, {}};
    if (query.exec() && query.next()) {
        who.role = roleFromName(query.value(0).toString()).value_or(Role::Agent);
        for (const QJsonValue& group : QJsonDocument::fromJson(query.value(1).toByteArray()).array())
            who.groupIds.append(group.toString());
    }
    query.finish();
    return who;
}

bool LocalTicketWorld::customerExists(const QString& id)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT 1 FROM customer WHERE id = ?"));
    query.addBindValue(id);
    const bool exists = query.exec() && query.next();
    query.finish();
    return exists;
}

const CategoryTree& LocalTicketWorld::categories()
{
    if (!m_categories) {
        auto tree = m_fields.categories();
        m_categories = tree ? tree.value() : CategoryTree();
    }
    return *m_categories;
}

const QList<FieldDefinition>& LocalTicketWorld::fieldDefinitions()
{
    if (!m_definitions)
        m_definitions = m_fields.definitions();
    return *m_definitions;
}

std::optional<Ticket> LocalTicketWorld::ticket(const QString& id)
{
    QSqlQuery& query
        = m_db.prepared(QStringLiteral("SELECT %1 FROM ticket WHERE id = ?").arg(TicketRows::ticketColumns()));
    query.addBindValue(id);
    std::optional<Ticket> found;
    if (query.exec() && query.next())
        found = TicketRows::ticketFromQuery(query);
    query.finish();
    return found;
}

QList<Comment> LocalTicketWorld::comments(const QString& ticketId)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT %1 FROM comment WHERE ticket_rowid = (SELECT rowid FROM "
                                                    "ticket WHERE id = ?) ORDER BY created_ms, rowid")
                                         .arg(TicketRows::commentColumns()));
    query.addBindValue(ticketId);
    QList<Comment> found;
    if (query.exec()) {
        while (query.next())
            found.append(TicketRows::commentFromQuery(query, ticketId));
    }
    query.finish();
    return found;
}

QString LocalTicketWorld::ticketOfReference(const QString& reference)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT id FROM ticket WHERE number = ? UNION ALL SELECT ticket_id FROM ticket_alias WHERE alias = ? LIMIT 1"));
    query.addBindValue(reference);
    query.addBindValue(reference);
    const QString owner = query.exec() && query.next() ? query.value(0).toString() : QString();
    query.finish();
    return owner;
}

} // namespace gongdan
