#include "domain/TicketTransition.h"

#include <QCoreApplication>

namespace gongdan {

QJsonObject transitionToJson(const TransitionRequest& r)
{
    return QJsonObject {{QStringLiteral("action"), Lifecycle::actionKey(r.action)},
        {QStringLiteral("resolution"), r.resolution}, {QStringLiteral("answer"), Lifecycle::answerKey(r.answer)},
        {QStringLiteral("note"), r.note}, {QStringLiteral("merge_target"), r.mergeTarget},
        {QStringLiteral("target_group"), r.targetGroup}, {QStringLiteral("note_id"), r.noteId}};
}

Result<TransitionRequest> transitionFromJson(const QJsonObject& args)
{
    TransitionRequest request;
    const std::optional<TicketAction> action
        = Lifecycle::actionFromKey(args.value(QStringLiteral("action")).toString());
    if (!action)
        return Error {QStringLiteral("transition.bad_args"),
            QCoreApplication::translate("TicketTransition", "\"%1\" is not a ticket action.")
                .arg(args.value(QStringLiteral("action")).toString()),
            QStringLiteral("action")};
    request.action = *action;
    const QString answer = args.value(QStringLiteral("answer")).toString();
    const std::optional<CustomerAnswer> parsed
        = answer.isEmpty() ? std::optional<CustomerAnswer>(CustomerAnswer::None) : Lifecycle::answerFromKey(answer);
    if (!parsed)
        return Error {QStringLiteral("transition.bad_args"),
            QCoreApplication::translate("TicketTransition", "\"%1\" is not a customer answer.").arg(answer),
            QStringLiteral("answer")};
    request.answer = *parsed;
    request.resolution = args.value(QStringLiteral("resolution")).toString();
    request.note = args.value(QStringLiteral("note")).toString();
    request.mergeTarget = args.value(QStringLiteral("merge_target")).toString();
    request.targetGroup = args.value(QStringLiteral("target_group")).toString();
    request.noteId = args.value(QStringLiteral("note_id")).toString();
    return request;
}

void applyTransitionEffects(Ticket& ticket, TicketStatus next, const TransitionRequest& request, const QDateTime& at)
{
    ticket.status = next;
    switch (request.action) {
    case TicketAction::Accept:
        if (!ticket.acceptedAt.isValid())
            ticket.acceptedAt = at;
        break;
    case TicketAction::Transfer:
        ticket.assigneeId.clear();
        ticket.groupId = request.targetGroup;
        break;
    case TicketAction::RequestConfirmation:
        ticket.resolution = request.resolution;
        ticket.resolvedAt = at;
        break;
    case TicketAction::Close:
        ticket.resolution = request.resolution;
        if (!ticket.resolvedAt.isValid())
            ticket.resolvedAt = at;
        if (ticket.status == TicketStatus::Closed)
            ticket.closedAt = at;
        break;
    case TicketAction::Reopen:
        ticket.closedAt = QDateTime();
        break;
    case TicketAction::Merge:
        ticket.mergedInto = request.mergeTarget;
        break;
    default:
        break;
    }
    ticket.updatedAt = at;
    ++ticket.version;
}

} // namespace gongdan
