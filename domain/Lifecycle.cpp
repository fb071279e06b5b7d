#include "domain/Lifecycle.h"

#include <array>

namespace gongdan {

namespace {

using S = TicketStatus;
using A = TicketAction;

struct ActionRule {
    A action;
    const char* key;
    const char* name;
    QList<S> from;
};

const std::array<ActionRule, 10>& rules()
{
    static const std::array<ActionRule, 10> table {{
        {A::Accept, "accept", QT_TRANSLATE_NOOP("Lifecycle", "accept"), {S::New, S::FollowUp}},
        {A::Transfer, "transfer", QT_TRANSLATE_NOOP("Lifecycle", "transfer"), {S::New, S::InProgress, S::FollowUp}},
        {A::RequestConfirmation, "request_confirmation", QT_TRANSLATE_NOOP("Lifecycle", "wait for the customer"),
            {S::InProgress}},
        {A::Resume, "resume", QT_TRANSLATE_NOOP("Lifecycle", "resume"), {S::WaitingCustomer}},
        {A::Close, "close", QT_TRANSLATE_NOOP("Lifecycle", "close"), {S::InProgress, S::WaitingCustomer, S::FollowUp}},
        {A::Reopen, "reopen", QT_TRANSLATE_NOOP("Lifecycle", "reopen"), {S::Closed}},
        {A::MarkSpam, "mark_spam", QT_TRANSLATE_NOOP("Lifecycle", "mark as spam"),
            {S::New, S::InProgress, S::WaitingCustomer, S::FollowUp}},
        {A::RestoreFromSpam, "restore_from_spam", QT_TRANSLATE_NOOP("Lifecycle", "restore from spam"), {S::Spam}},
        {A::Merge, "merge", QT_TRANSLATE_NOOP("Lifecycle", "merge"),
            {S::New, S::InProgress, S::WaitingCustomer, S::FollowUp}},
        {A::Rate, "rate", QT_TRANSLATE_NOOP("Lifecycle", "record satisfaction"), {S::Closed}},
    }};
    return table;
}

const ActionRule& ruleOf(A action)
{
    for (const auto& rule : rules()) {
        if (rule.action == action)
            return rule;
    }
    return rules().front();
}

Error refuse(const char* code, const QString& message, const char* field = "")
{
    return Error {QString::fromLatin1(code), message, QString::fromLatin1(field)};
}

// Where each action leads when its arguments are acceptable. Close and Rate have two outcomes.
QList<S> targetsOf(A action, S from)
{
    switch (action) {
    case A::Accept:
    case A::Resume:
        return {S::InProgress};
    case A::Transfer:
    case A::RestoreFromSpam:
        return {S::New};
    case A::RequestConfirmation:
        return {S::WaitingCustomer};
    case A::Close:
        return {S::Closed, S::FollowUp};
    case A::Reopen:
        return {S::FollowUp};
    case A::MarkSpam:
        return {S::Spam};
    case A::Merge:
        return {S::Merged};
    case A::Rate:
        return {S::Closed, S::FollowUp};
    }
    return {from};
}

} // namespace

Result<TicketStatus> Lifecycle::apply(TicketStatus from, const TransitionRequest& request)
{
    const ActionRule& rule = ruleOf(request.action);
    if (!rule.from.contains(from)) {
        return refuse("transition.illegal",
            tr("A ticket that is \"%1\" cannot be given the action \"%2\".")
                .arg(EnumText<TicketStatus>::displayName(from), actionName(request.action)),
            "status");
    }
    switch (request.action) {
    case A::Transfer:
        if (request.note.trimmed().isEmpty())
            return refuse("transition.note_required", tr("A transfer needs a note for the receiving group."), "note");
        if (request.targetGroup.isEmpty())
            return refuse(
                "transition.group_required", tr("Choose the group to transfer the ticket to."), "target_group");
        return S::New;
    case A::RequestConfirmation:
        if (request.resolution.trimmed().isEmpty())
            return refuse("transition.resolution_required",
                tr("Describe the solution before asking the customer to confirm it."), "resolution");
        return S::WaitingCustomer;
    case A::Close: {
        if (request.resolution.trimmed().isEmpty())
            return refuse("transition.resolution_required", tr("Closing needs a resolution note."), "resolution");
        if (request.satisfaction < 0 || request.satisfaction > 5)
            return refuse("transition.bad_score", tr("A satisfaction score is 1 to 5."), "satisfaction");
        const bool low = request.satisfaction > 0 && request.satisfaction < kLowestSatisfiedScore;
        CustomerAnswer answer = request.answer;
        if (answer == CustomerAnswer::None && request.satisfaction > 0)
            answer = low ? CustomerAnswer::NotSatisfied : CustomerAnswer::Satisfied;
        if (answer == CustomerAnswer::None)
            return refuse("transition.answer_required",
                tr("Closing needs the customer's answer: satisfied or not satisfied."), "answer");
        if (low && answer == CustomerAnswer::Satisfied)
            return refuse("transition.score_contradicts",
                tr("A score of 1 or 2 means the customer is not satisfied: the ticket goes to follow-up."), "answer");
        return answer == CustomerAnswer::Satisfied ? S::Closed : S::FollowUp;
    }
    case A::Rate:
        if (request.satisfaction < 1 || request.satisfaction > 5)
            return refuse("transition.score_required", tr("Choose the customer's score, 1 to 5."), "satisfaction");
        return request.satisfaction < kLowestSatisfiedScore ? S::FollowUp : S::Closed;
    case A::Merge:
        if (request.mergeTarget.isEmpty())
            return refuse("transition.merge_target_required", tr("Choose the ticket to merge into."), "merge_target");
        return S::Merged;
    default:
        return targetsOf(request.action, from).front();
    }
}

QList<TicketAction> Lifecycle::availableActions(TicketStatus from)
{
    QList<TicketAction> actions;
    for (const auto& rule : rules()) {
        if (rule.from.contains(from))
            actions.append(rule.action);
    }
    return actions;
}

bool Lifecycle::canReach(TicketStatus from, TicketStatus to)
{
    for (TicketAction action : availableActions(from)) {
        if (targetsOf(action, from).contains(to))
            return true;
    }
    return false;
}

bool Lifecycle::isOpen(TicketStatus status)
{
    return status != S::Closed && status != S::Spam && status != S::Merged;
}

QString Lifecycle::actionKey(TicketAction action)
{
    return QString::fromLatin1(ruleOf(action).key);
}

std::optional<TicketAction> Lifecycle::actionFromKey(const QString& key)
{
    for (const auto& rule : rules()) {
        if (key == QLatin1String(rule.key))
            return rule.action;
    }
    return std::nullopt;
}

QString Lifecycle::actionName(TicketAction action)
{
    return tr(ruleOf(action).name);
}

QString Lifecycle::actionTitle(TicketAction action)
{
    QString title = actionName(action);
    if (!title.isEmpty())
        title[0] = title.at(0).toUpper();
    return title;
}

QString Lifecycle::answerKey(CustomerAnswer answer)
{
    switch (answer) {
    case CustomerAnswer::Satisfied:
        return QStringLiteral("satisfied");
    case CustomerAnswer::NotSatisfied:
        return QStringLiteral("not_satisfied");
    case CustomerAnswer::None:
        break;
    }
    return QString();
}

std::optional<CustomerAnswer> Lifecycle::answerFromKey(const QString& key)
{
    if (key.isEmpty())
        return CustomerAnswer::None;
    if (key == QLatin1String("satisfied"))
        return CustomerAnswer::Satisfied;
    if (key == QLatin1String("not_satisfied"))
        return CustomerAnswer::NotSatisfied;
    return std::nullopt;
}

} // namespace gongdan
