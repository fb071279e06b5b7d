#pragma once

#include "domain/Customer.h"
#include "domain/Ticket.h"
#include "ui/common/WorkPage.h"
#include "ui/common/Workstation.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace gongdan {

class CustomerListModel;
class MaskedValueEdit;

/// The customer archive (客户档案): find customers by name, customer number or any part of a phone
/// number as you type; view and edit one; their tickets and their calls, each opening the ticket.
class CustomerArchive : public WorkPage {
    Q_OBJECT

public:
    CustomerArchive(const Workstation& workstation, QWidget* parent = nullptr);
    ~CustomerArchive() override;

    QString title() const override;
    bool hasUnsavedChanges() const override;
    bool save() override;
    void discard() override;
    void retranslate() override;
    void ticketsChanged(const QStringList& ticketIds) override;

    void search(const QString& text);
    /// Shows this customer in the form (asks nothing: unsaved edits of the previous one are kept as
    /// long as the agent does not pick another).
    void showCustomer(const Customer& customer);
    /// Empties the form for a new customer.
    void newCustomer();

private:
    Customer formCustomer() const;
    void runSearch();
    void showTickets();
    void showError(const QString& field, const QString& message);

    const Workstation& m_ws;
    Customer m_customer;
    QList<Ticket> m_tickets;
    CustomerListModel* m_model;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QTableView* m_table;
    QPushButton* m_new;
    QLabel* m_heading;
    QLineEdit* m_name;
    QLineEdit* m_number;
    QLineEdit* m_phones;
    QComboBox* m_level;
    QLineEdit* m_region;
    QLineEdit* m_tags;
    QPlainTextEdit* m_notes;
    MaskedValueEdit* m_idCard; ///< sensitive: masked, "Show" for those who may unmask
    MaskedValueEdit* m_bankCard;
    QLabel* m_error;
    QPushButton* m_save;
    QPushButton* m_discard;
    QListWidget* m_ticketList;
    QListWidget* m_callList;
    QList<QLabel*> m_labels;
};

} // namespace gongdan
