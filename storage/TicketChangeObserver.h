#pragma once

#include <QStringList>

namespace gongdan {

/// Told by TicketRepository around every change of tickets, so that what is derived from them (view
/// counts) can follow the change itself instead of recounting: first which tickets are about to
/// change (their state before), then, once stored, that they changed. A ticket created has no
/// "about to" call: before, it was in no view.
class TicketChangeObserver {
public:
    virtual ~TicketChangeObserver() = default;
    virtual void ticketsAboutToChange(const QStringList& ticketIds) = 0;
    virtual void ticketsChanged(const QStringList& ticketIds) = 0;
};

} // namespace gongdan
