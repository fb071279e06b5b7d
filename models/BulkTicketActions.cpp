#include "models/BulkTicketActions.h"

#include <QJsonArray>

namespace gongdan {

BulkTicketActions::BulkTicketActions(TicketRepository& tickets, Principal actor)
    : m_tickets(tickets), m_actor(std::move(actor))
{
}

template<typename Apply>
BulkOutcome BulkTicketActions::forEach(const QStringList& ticketIds, Apply apply)
{
    BulkOutcome outcome;
    for (const QString& id : ticketIds) {
        const auto ticket = m_tickets.find(id);
        if (!ticket) {
            outcome.skipped.append({id, tr("The ticket no longer exists.")});
            continue;
        }
        Result<Ticket> result = apply(*ticket);
        if (result)
            outcome.changed.append(id);
        else
            outcome.skipped.append({ticket->number.isEmpty() ? id : ticket->number, result.error().message});
    }
    return outcome;
}

BulkOutcome BulkTicketActions::assign(const QStringList& ticketIds, const QString& agentId, const QString& groupId)
{
    QJsonObject patch {{QStringLiteral("assignee_id"), agentId}};
    if (!groupId.isEmpty())
        patch.insert(QStringLiteral("group_id"), groupId);
    return forEach(ticketIds, [&](const Ticket& t) { return m_tickets.patch(t.id, patch, m_actor); });
}

BulkOutcome BulkTicketActions::setPriority(const QStringList& ticketIds, Priority priority)
{
    const QJsonObject patch {{QStringLiteral("priority"), EnumText<Priority>::key(priority)}};
    return forEach(ticketIds, [&](const Ticket& t) { return m_tickets.patch(t.id, patch, m_actor); });
}

BulkOutcome BulkTicketActions::addTag(const QStringList& ticketIds, const QString& tag)
{
    const QString trimmed = tag.trimmed();
    return forEach(ticketIds, [&](const Ticket& t) -> Result<Ticket> {
        if (trimmed.isEmpty())
            return Error {QStringLiteral("bulk.tag_empty"), tr("Type the tag to add."), QStringLiteral("tags")};
        QStringList tags = t.tags;
        if (!tags.contains(trimmed))
            tags.append(trimmed);
        return m_tickets.patch(t.id, QJsonObject {{QStringLiteral("tags"), QJsonArray::fromStringList(tags)}}, m_actor);
    });
}

BulkOutcome BulkTicketActions::transition(const QStringList& ticketIds, TicketAction action)
{
    return forEach(ticketIds, [&](const Ticket& t) -> Result<Ticket> {
        const bool needsInput = action == TicketAction::Transfer || action == TicketAction::RequestConfirmation
            || action == TicketAction::Close || action == TicketAction::Merge || action == TicketAction::Rate;
        if (needsInput) {
            return Error {QStringLiteral("bulk.needs_input"),
                tr("\"%1\" needs details for each ticket; open the ticket to do it.")
                    .arg(Lifecycle::actionName(action))};
        }
        return m_tickets.transition(t.id, TransitionRequest {action, {}, CustomerAnswer::None, {}, {}, {}}, m_actor);
    });
}

QString BulkTicketActions::summary(const BulkOutcome& outcome)
{
    QString text = tr("%n ticket(s) changed", nullptr, static_cast<int>(outcome.changed.size()));
    if (!outcome.skipped.isEmpty()) {
        text += tr("; %n skipped", nullptr, static_cast<int>(outcome.skipped.size()));
        text += QStringLiteral(" (%1: %2)").arg(outcome.skipped.first().first, outcome.skipped.first().second);
    }
    return text;
}

} // namespace gongdan
