#pragma once

#include "domain/Access.h"
#include "domain/Category.h"
#include "domain/FieldDefinition.h"
#include "domain/Ticket.h"

#include <optional>

namespace gongdan {

/// A group (department) as the ticket rules need it.
struct GroupFacts {
    QString id;
    bool active = true;
};

/// A person as the ticket rules need them: may they be given a ticket of a group?
struct UserFacts {
    QString id;
    Role role = Role::Agent;
    bool active = true;
    QStringList groupIds;
};

/// What the ticket rules (TicketRules) need to know about the world around a ticket: the team, the
/// customer archive, field definitions, the category tree and the other tickets. The workstation's
/// store answers from its local copy (storage/LocalTicketWorld), the server from the team database
/// (server/ServerTicketWorld); the rules are the same code on both sides, so both decide alike.
class TicketWorld {
public:
    virtual ~TicketWorld() = default;

    virtual std::optional<GroupFacts> group(const QString& id) = 0;
    virtual std::optional<UserFacts> user(const QString& id) = 0;
    virtual bool customerExists(const QString& id) = 0;
    virtual const CategoryTree& categories() = 0;
    virtual const QList<FieldDefinition>& fieldDefinitions() = 0;
    virtual std::optional<Ticket> ticket(const QString& id) = 0;
    /// A ticket's conversation, oldest first (a merge moves it to the target).
    virtual QList<Comment> comments(const QString& ticketId) = 0;
    /// The id of the ticket whose number or alias (a provisional reference) is `reference`; empty: none.
    virtual QString ticketOfReference(const QString& reference) = 0;
};

/// A world without one ticket: the rules deciding on a ticket as if it were new (one whose creation the
/// server refused, sent again; a seeded ticket checked as a creation would be) must not find it there.
class TicketWorldWithout final : public TicketWorld {
public:
    TicketWorldWithout(TicketWorld& world, QString hidden) : m_world(world), m_hidden(std::move(hidden)) { }

    std::optional<GroupFacts> group(const QString& id) override { return m_world.group(id); }
    std::optional<UserFacts> user(const QString& id) override { return m_world.user(id); }
    bool customerExists(const QString& id) override { return m_world.customerExists(id); }
    const CategoryTree& categories() override { return m_world.categories(); }
    const QList<FieldDefinition>& fieldDefinitions() override { return m_world.fieldDefinitions(); }
    std::optional<Ticket> ticket(const QString& id) override
    {
        return id == m_hidden ? std::nullopt : m_world.ticket(id);
    }
    QList<Comment> comments(const QString& ticketId) override
    {
        return ticketId == m_hidden ? QList<Comment>() : m_world.comments(ticketId);
    }
    QString ticketOfReference(const QString& reference) override
    {
        const QString owner = m_world.ticketOfReference(reference);
        return owner == m_hidden ? QString() : owner;
    }
    void hide(const QString& id) { m_hidden = id; }

private:
    TicketWorld& m_world;
    QString m_hidden;
};

} // namespace gongdan
