#pragma once

#include "Access.h"
#include "Category.h"
#include "FieldDefinition.h"
#include "Ticket.h"

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
    /// The id of the ticket whose number or alias (a provisional reference) is `reference`; empty: none.
    virtual QString ticketOfReference(const QString& reference) = 0;
};

} // namespace gongdan
