#pragma once

#include "domain/TicketWorld.h"

#include <QHash>

namespace gongdan::test {

/// A TicketWorld held in memory, for the rule tests: fill its tables, then hand it to TicketRules.
class FakeTicketWorld final : public TicketWorld {
public:
    std::optional<GroupFacts> group(const QString& id) override
    {
        return groups.contains(id) ? std::optional<GroupFacts>(groups.value(id)) : std::nullopt;
    }
    std::optional<UserFacts> user(const QString& id) override
    {
        return users.contains(id) ? std::optional<UserFacts>(users.value(id)) : std::nullopt;
    }
    bool customerExists(const QString& id) override { return customers.contains(id); }
    const CategoryTree& categories() override { return tree; }
    const QList<FieldDefinition>& fieldDefinitions() override { return fields; }
    std::optional<Ticket> ticket(const QString& id) override
    {
        return tickets.contains(id) ? std::optional<Ticket>(tickets.value(id)) : std::nullopt;
    }
    QList<Comment> comments(const QString& ticketId) override { return conversations.value(ticketId); }
    QString ticketOfReference(const QString& reference) override
    {
        for (const Ticket& t : std::as_const(tickets)) {
            if (t.number == reference)
                return t.id;
        }
        return aliases.value(reference);
    }

    QHash<QString, GroupFacts> groups;
    QHash<QString, UserFacts> users;
    QStringList customers;
    CategoryTree tree;
    QList<FieldDefinition> fields;
    QHash<QString, Ticket> tickets;
    QHash<QString, QString> aliases;
    QHash<QString, QList<Comment>> conversations;
};

} // namespace gongdan::test
