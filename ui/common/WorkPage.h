#pragma once

#include <QWidget>

namespace gongdan {

/// A page the workstation opens in a tab: a ticket, a call being logged, the customer archive.
/// The tabs ask every page the same things: its title, whether it holds unsaved work, and to save or
/// discard it when the agent closes the tab or the window.
class WorkPage : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual bool hasUnsavedChanges() const = 0;
    /// Stores the unsaved work; false (with the reason shown on the page) when it was refused.
    virtual bool save() = 0;
    /// Forgets the unsaved work.
    virtual void discard() { }
    /// The agent closed the page's tab: what it kept for a crash or a restart goes too.
    virtual void closed() { }
    /// Reports true when the page closes itself after save() (a call becomes a ticket).
    virtual bool closesAfterSave() const { return false; }
    virtual void retranslate() { }
    /// The field definitions or categories changed: forms rebuild without a restart.
    virtual void definitionsChanged() { }
    /// Tickets changed elsewhere.
    virtual void ticketsChanged(const QStringList& ticketIds) { Q_UNUSED(ticketIds) }

Q_SIGNALS:
    void titleChanged();
    /// The page wants this ticket shown in its own tab.
    void openTicketRequested(const QString& ticketId);
    /// The page has nothing left to show (its ticket was discarded or left): its tab closes.
    void closeRequested();
};

} // namespace gongdan
