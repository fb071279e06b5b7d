#pragma once

#include "storage/TicketRepository.h"

#include <QCoreApplication>
#include <QStringList>

namespace gongdan {

/// What a bulk action did: the tickets it changed and, for each one it skipped, why.
struct BulkOutcome {
    QStringList changed;
    QList<QPair<QString, QString>> skipped; ///< ticket number (or id), reason
};

/// Actions on many selected tickets at once — assign, set priority, add a tag, a status change that
/// needs no further input. Each ticket goes through the repository like a single edit (events and
/// intents recorded); a ticket where the action does not apply is skipped with its reason, never
/// silently.
class BulkTicketActions {
    Q_DECLARE_TR_FUNCTIONS(BulkTicketActions)

public:
    BulkTicketActions(TicketRepository& tickets, Principal actor);

    BulkOutcome assign(const QStringList& ticketIds, const QString& agentId, const QString& groupId);
    BulkOutcome setPriority(const QStringList& ticketIds, Priority priority);
    BulkOutcome addTag(const QStringList& ticketIds, const QString& tag);
    /// Accept, mark as spam, restore from spam or reopen: the transitions that need no note or answer.
    BulkOutcome transition(const QStringList& ticketIds, TicketAction action);

    /// One line for the status bar: "12 tickets changed; 2 skipped (G…: reason)".
    static QString summary(const BulkOutcome& outcome);

private:
    template<typename Apply>
    BulkOutcome forEach(const QStringList& ticketIds, Apply apply);

    TicketRepository& m_tickets;
    Principal m_actor;
};

} // namespace gongdan
