#include "domain/RefusalText.h"

#include <QHash>

namespace gongdan {

QString RefusalText::describe(const QString& code, const QString& fieldLabel, const QString& serverMessage)
{
    static const QHash<QString, const char*> texts {
        {QStringLiteral("access.denied"), QT_TR_NOOP("This ticket is no longer one you may see or change.")},
        {QStringLiteral("access.field_assign_self"), QT_TR_NOOP("Field staff create tickets assigned to themselves.")},
        {QStringLiteral("access.field_reassign"),
            QT_TR_NOOP("Field staff hand a ticket back with a transfer, not by editing it.")},
        {QStringLiteral("access.due_times"), QT_TR_NOOP("Only supervisors and admins set due times.")},
        {QStringLiteral("access.out_of_scope"), QT_TR_NOOP("You cannot create a ticket you could not see.")},
        {QStringLiteral("ticket.not_found"),
            QT_TR_NOOP("The ticket is not on the team server, or no longer one you may see.")},
        {QStringLiteral("ticket.closed"), QT_TR_NOOP("The ticket was closed meanwhile; reopen it first.")},
        {QStringLiteral("ticket.exists"), QT_TR_NOOP("A ticket with this id exists already.")},
        {QStringLiteral("ticket.bad_id"), QT_TR_NOOP("The ticket's id is not valid.")},
        {QStringLiteral("ticket.subject_required"), QT_TR_NOOP("A ticket needs a subject.")},
        {QStringLiteral("ticket.unknown_group"), QT_TR_NOOP("The group does not exist or is switched off.")},
        {QStringLiteral("ticket.unknown_assignee"), QT_TR_NOOP("The assignee does not exist or is switched off.")},
        {QStringLiteral("ticket.assignee_not_in_group"), QT_TR_NOOP("The assignee must belong to the ticket's group.")},
        {QStringLiteral("ticket.unknown_category"), QT_TR_NOOP("The category does not exist or is switched off.")},
        {QStringLiteral("ticket.unknown_customer"), QT_TR_NOOP("The customer is not in the archive.")},
        {QStringLiteral("ticket.reference_taken"), QT_TR_NOOP("Its reference number belongs to another ticket.")},
        {QStringLiteral("ticket.reference_invalid"), QT_TR_NOOP("Its reference number is not valid.")},
        {QStringLiteral("ticket.fields_invalid"), QT_TR_NOOP("The value of “%1” is not accepted.")},
        {QStringLiteral("ticket.bad_call"), QT_TR_NOOP("The call's time or length is not valid.")},
        {QStringLiteral("ticket.link_target"), QT_TR_NOOP("The ticket to link is not one you can see.")},
        {QStringLiteral("field.read_only"), QT_TR_NOOP("You may not change “%1”.")},
        {QStringLiteral("patch.unknown_field"), QT_TR_NOOP("“%1” cannot be edited.")},
        {QStringLiteral("patch.type"), QT_TR_NOOP("The value of “%1” has the wrong form.")},
        {QStringLiteral("transition.illegal"),
            QT_TR_NOOP("The ticket's status changed meanwhile; this action no longer applies.")},
        {QStringLiteral("transition.note_required"), QT_TR_NOOP("A transfer needs a note for the receiving group.")},
        {QStringLiteral("transition.group_required"), QT_TR_NOOP("Choose the group to transfer the ticket to.")},
        {QStringLiteral("transition.unknown_group"),
            QT_TR_NOOP("The receiving group does not exist or is switched off.")},
        {QStringLiteral("transition.resolution_required"), QT_TR_NOOP("This needs a resolution.")},
        {QStringLiteral("transition.answer_required"), QT_TR_NOOP("Closing needs the customer's answer.")},
        {QStringLiteral("transition.merge_target"),
            QT_TR_NOOP("A ticket can only be merged into another open ticket.")},
        {QStringLiteral("transition.merge_target_required"), QT_TR_NOOP("Choose the ticket to merge into.")},
        {QStringLiteral("transition.not_in_group"),
            QT_TR_NOOP("Only members of the ticket's group can accept it; transfer it to your group first.")},
        {QStringLiteral("comment.empty"), QT_TR_NOOP("The reply was empty.")},
        {QStringLiteral("comment.merged"), QT_TR_NOOP("This ticket was merged into another; write on that one.")},
        {QStringLiteral("view.shared_forbidden"),
            QT_TR_NOOP("Only supervisors and admins share views or change shared ones; save it as your own view.")},
        {QStringLiteral("view.not_owner"), QT_TR_NOOP("This personal view belongs to someone else.")},
        {QStringLiteral("view.unknown_group"), QT_TR_NOOP("The view is shared with a group that does not exist.")},
        {QStringLiteral("view.not_found"), QT_TR_NOOP("The view no longer exists on the team server.")},
        {QStringLiteral("view.field"), QT_TR_NOOP("The view uses a field the team no longer has (“%1”).")},
        {QStringLiteral("sync.unknown_mutation"), QT_TR_NOOP("The team server does not take this kind of change yet.")},
    };
    const auto text = texts.constFind(code);
    if (text == texts.constEnd())
        return serverMessage.isEmpty() ? tr("Refused (%1).").arg(code) : serverMessage;
    const QString words = tr(*text);
    return words.contains(QLatin1String("%1")) ? words.arg(fieldLabel) : words;
}

} // namespace gongdan
