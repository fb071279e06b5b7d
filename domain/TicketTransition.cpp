#include "domain/TicketTransition.h"

#include <QCoreApplication>
#include <cmath>

namespace gongdan {

QJsonObject transitionToJson(const TransitionRequest& r)
{
    QJsonObject json {{QStringLiteral("action"), Lifecycle::actionKey(r.action)},
        {QStringLiteral("resolution"), r.resolution}, {QStringLiteral("answer"), Lifecycle::answerKey(r.answer)},
        {QStringLiteral("note"), r.note}, {QStringLiteral("merge_target"), r.mergeTarget},
        {QStringLiteral("target_group"), r.targetGroup}, {QStringLiteral("note_id"), r.noteId}};
    if (r.satisfaction != 0) { // only when given: every other request's form stays as it was
        json.insert(QStringLiteral("satisfaction"), r.satisfaction);
        json.insert(QStringLiteral("satisfaction_comment"), r.satisfactionComment);
    }
    return json;
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
    const QJsonValue score = args.value(QStringLiteral("satisfaction"));
    if (!score.isUndefined() && !score.isNull()) {
        const double value = score.toDouble(-1);
        if (!score.isDouble() || value != std::floor(value) || value < 1 || value > 5)
            return Error {QStringLiteral("transition.bad_score"),
                QCoreApplication::translate("TicketTransition", "A satisfaction score is a whole number from 1 to 5."),
                QStringLiteral("satisfaction")};
        request.satisfaction = static_cast<int>(value);
    }
    request.satisfactionComment = args.value(QStringLiteral("satisfaction_comment")).toString().trimmed();
    if (request.satisfactionComment.size() > kMaxSatisfactionComment)
        return Error {QStringLiteral("transition.bad_args"),
            QCoreApplication::translate("TicketTransition", "The customer's comment is longer than %1 characters.")
                .arg(kMaxSatisfactionComment),
            QStringLiteral("satisfaction_comment")};
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
    case TicketAction::Rate:
        if (ticket.status != TicketStatus::Closed)
            ticket.closedAt = QDateTime(); // a low score reopens it for a second follow-up
        break;
    case TicketAction::Merge:
        ticket.mergedInto = request.mergeTarget;
        break;
    default:
        break;
    }
    if (request.satisfaction > 0) {
        ticket.satisfaction = request.satisfaction;
        ticket.satisfactionComment = request.satisfactionComment;
        ticket.ratedAt = at;
    }
    ticket.updatedAt = at;
    ++ticket.version;
}

} // namespace gongdan
