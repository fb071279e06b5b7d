#pragma once

#include "domain/Ticket.h"
#include "storage/Outbox.h"
#include "ui/common/WorkPage.h"
#include "ui/common/Workstation.h"

class QLabel;
class QHBoxLayout;
class QListView;
class QPushButton;
class QTimer;

namespace gongdan {

class SlaLabel;

class AttentionPanel;
class RelatedTickets;
class TicketComposer;
class TicketDetails;
class TimelineModel;
class TransitionPanel;

/// One open ticket: a header with number, status, priority and the SLA countdown; buttons for the
/// transitions that are legal now (and only those); the fields and generated form; the timeline of
/// comments and events; the composer. Everything typed is kept as a draft in the local store while
/// the agent works, so a crash loses nothing; saving or discarding removes the draft.
class TicketEditor : public WorkPage {
    Q_OBJECT

public:
    TicketEditor(const Workstation& workstation, const QString& ticketId, QWidget* parent = nullptr);

    QString ticketId() const { return m_ticket.id; }
    bool isValid() const { return !m_ticket.id.isEmpty(); }
    /// "G20231001001 电视无法开机" for tabs and titles.
    QString title() const override;
    bool hasUnsavedChanges() const override;
    /// Stores the edited fields; shows refusals next to their fields. True when nothing is left unsaved.
    bool save() override;
    /// Forgets what was typed and shows the stored ticket again.
    void discard() override;
    /// The ticket changed elsewhere: the header, buttons and timeline follow; unsaved edits stay.
    void reload();
    void retranslate() override;
    /// The field definitions or categories changed: the form is rebuilt, keeping what was typed.
    void definitionsChanged() override;
    void ticketsChanged(const QStringList& ticketIds) override;
    /// Runs a transition as its button does (asking in the panel for what it needs).
    void runAction(TicketAction action);
    /// The tab closes: a ticket that left the agent's sight has been seen, and goes.
    void closed() override;

private:
    void showConflicts();
    /// A refused change comes back where it was made, to fix and send again.
    void editAgain(const OutboxEntry& entry);
    /// Sends a ticket whose creation was refused again, with what was fixed.
    void resend();
    void load();
    void refreshHeader();
    /// Shows whether a first sync is still bringing this ticket's comments; when they are in, the
    /// timeline follows.
    void showArriving();
    void rebuildActions();
    void confirmTransition();
    void editedSomething();
    void saveDraft();
    void restoreDraft();

    const Workstation& m_ws;
    Ticket m_ticket;
    QLabel* m_number;
    QLabel* m_status;
    QLabel* m_priority;
    SlaLabel* m_sla;
    QLabel* m_banner;
    QPushButton* m_discardDraft;
    QLabel* m_error;
    QLabel* m_conflicts; ///< concurrent edits the server settled, with the value that was replaced
    AttentionPanel* m_attention; ///< refused changes, or that the ticket left the agent's sight
    QHBoxLayout* m_actions;
    QList<QPushButton*> m_actionButtons;
    QPushButton* m_save;
    TransitionPanel* m_transition;
    RelatedTickets* m_related; ///< merged into / from, linked tickets, and linking one
    TicketDetails* m_details;
    TimelineModel* m_timelineModel;
    QListView* m_timeline;
    TicketComposer* m_composer;
    QTimer* m_draftTimer;
    QTimer* m_slaTimer;
    QLabel* m_arriving; ///< "the conversation is still arriving" while a first sync brings it
    QTimer* m_arrivingTimer; ///< looks again while it shows
};

} // namespace gongdan
