#pragma once

#include "Customer.h"
#include "Ticket.h"
#include "WorkPage.h"
#include "Workstation.h"

#include <QDateTime>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace gongdan {

/// Logging a phone call (新建通话记录) or a request from another channel, and turning it into a ticket.
/// For a call the timer starts at once; the caller's number looks up the customer archive and shows the
/// customer card with their open and recent tickets (screen pop), or offers to create the customer.
/// The agent picks need type, category and urgency, types the description and presses Ctrl+Enter;
/// the call's start time and duration go on the ticket. The customer's open tickets are listed first
/// so the agent can add the call to one of them instead (Ctrl+Shift+Enter).
class CallPanel : public WorkPage {
    Q_OBJECT

public:
    enum class Mode { PhoneCall, Ticket };

    CallPanel(const Workstation& workstation, Mode mode, QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    QString title() const override;
    bool hasUnsavedChanges() const override;
    bool save() override { return createTicket(); }
    bool closesAfterSave() const override { return true; }
    /// Creates the ticket (and the customer when asked); false with messages next to the fields.
    bool createTicket();
    /// Adds the call to the selected existing ticket as an internal note instead.
    bool addToSelectedTicket();
    int callSeconds() const;
    /// Types the caller's number, as a telephony integration would; the screen pop follows.
    void setCallerNumber(const QString& phone);
    void retranslate() override;
    /// The categories changed: the choices follow, keeping what was picked.
    void definitionsChanged() override { fillChoices(); }

Q_SIGNALS:
    /// A ticket was created or the call was added to one: the workstation opens it.
    void finished(const QString& ticketId);

private:
    void lookUpCaller();
    void showCustomer();
    void showError(QLabel* error, QWidget* field, const QString& message);
    void tick();
    void fillChoices();

    const Workstation& m_ws;
    Mode m_mode;
    QDateTime m_started;
    int m_endedSeconds = -1;
    QList<Customer> m_matches;
    QList<Ticket> m_customerTickets;
    QLabel* m_timer;
    QPushButton* m_hangUp;
    QLabel* m_phoneLabel;
    QLineEdit* m_phone;
    QLabel* m_phoneError;
    QComboBox* m_channel;
    QLabel* m_channelLabel;
    QLabel* m_card;
    QComboBox* m_customerChoice;
    QLabel* m_nameLabel;
    QLineEdit* m_name;
    QListWidget* m_tickets;
    QPushButton* m_addTo;
    QLabel* m_needLabel;
    QComboBox* m_needType;
    QLabel* m_categoryLabel;
    QComboBox* m_category;
    QLabel* m_priorityLabel;
    QComboBox* m_priority;
    QLabel* m_subjectLabel;
    QLineEdit* m_subject;
    QLabel* m_descriptionLabel;
    QPlainTextEdit* m_description;
    QLabel* m_descriptionError;
    QLabel* m_error;
    QPushButton* m_create;
    QTimer* m_tick;
};

} // namespace gongdan
