#pragma once

#include "domain/Customer.h"
#include "domain/Ticket.h"
#include "ui/common/WorkPage.h"
#include "ui/common/Workstation.h"

#include <QDateTime>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace gongdan {

struct Draft;

/// Logging a phone call (新建通话记录) or a request from another channel, and turning it into a ticket.
/// For a call the timer starts at once; the caller's number looks up the customer archive and shows the
/// customer card with their open and recent tickets (screen pop), or offers to create the customer.
/// The agent picks need type, category and urgency, types the description and presses Ctrl+Enter;
/// the call's start time and duration go on the ticket. The customer's open tickets are listed first
/// so the agent can add the call to one of them instead (Ctrl+Shift+Enter). Everything typed, with the
/// call's start, is kept as a draft of its own ("call:<uuid>") 500 ms after the last edit, so a crash
/// loses nothing; creating the ticket, adding the call to one or discarding removes it.
class CallPanel : public WorkPage {
    Q_OBJECT

public:
    enum class Mode { PhoneCall, Ticket };

    CallPanel(const Workstation& workstation, Mode mode, QWidget* parent = nullptr);
    /// The panel of a call saved as the draft `draftKey` ("call:<uuid>", without the agent's id) before a
    /// crash or a restart: everything typed, the call timer counting on from the stored start (or the
    /// stored duration once hung up), and a banner saying so. Null when `draft` is not a call's.
    static CallPanel* fromDraft(
        const Workstation& workstation, const QString& draftKey, const Draft& draft, QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    /// "call:<uuid>", made when the panel opened: its draft in the store, after the agent's id.
    QString draftKey() const { return m_draftKey; }
    /// The call has not been hung up (false for a ticket without a call).
    bool isCallRunning() const;
    QString title() const override;
    bool hasUnsavedChanges() const override;
    bool save() override { return createTicket(); }
    bool closesAfterSave() const override { return true; }
    /// Forgets what was typed, and its draft.
    void discard() override;
    void closed() override;
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
    QJsonObject snapshot() const;
    void applySnapshot(const QJsonObject& body);
    /// Nothing typed or chosen: nothing to keep.
    bool isBlank() const;
    void saveDraft();
    void removeDraft();
    void hangUp();
    void lookUpCaller();
    void showCustomer();
    void showError(QLabel* error, QWidget* field, const QString& message);
    void tick();
    void fillChoices();

    const Workstation& m_ws;
    Mode m_mode;
    QString m_draftKey;
    QString m_savedKey; ///< where the draft was last stored (agent's id included)
    QDateTime m_restoredFrom; ///< when the restored draft was saved; invalid for a new panel
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
    QTimer* m_draftTimer;
    QLabel* m_banner;
};

} // namespace gongdan
