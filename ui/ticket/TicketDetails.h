#pragma once

#include "domain/Ticket.h"
#include "ui/common/Workstation.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gongdan {

class TicketForm;

/// The editable part of a ticket: its built-in fields (subject, description, need type, category,
/// priority, contact, group, assignee, tags) above the custom fields generated from the definitions.
/// Knows what the agent changed (patch()) and can save and restore everything typed (snapshot()).
class TicketDetails : public QWidget {
    Q_OBJECT

public:
    TicketDetails(const Workstation& workstation, QWidget* parent = nullptr);

    void setTicket(const Ticket& ticket);
    /// The changes against the ticket last set, as a patch for TicketRepository::patch(); empty when none.
    QJsonObject patch() const;
    /// Everything the fields hold now, to keep as a draft; applySnapshot() puts it back.
    QJsonObject snapshot() const;
    void applySnapshot(const QJsonObject& snapshot);
    /// Checks the custom fields and shows their messages; true when they are valid.
    bool validate();
    /// Shows a message under the field it concerns (a built-in field or a custom one).
    void showError(const QString& field, const QString& message);
    void clearErrors();
    void setReadOnly(bool readOnly);
    /// The field definitions or the team changed: the form is rebuilt, keeping what was typed.
    void reloadDefinitions();
    void retranslate();

Q_SIGNALS:
    void edited();

private:
    QJsonObject currentValues() const;
    void fillChoices();
    /// The people the ticket may be given: members of the chosen group (and whoever holds it now).
    void fillAssignees();
    void addRow(const QString& key, QWidget* editor);

    const Workstation& m_ws;
    Ticket m_ticket;
    QLineEdit* m_subject;
    QPlainTextEdit* m_description;
    QComboBox* m_needType;
    QComboBox* m_category;
    QComboBox* m_priority;
    QLineEdit* m_contactName;
    QLineEdit* m_contactPhone;
    QComboBox* m_group;
    QComboBox* m_assignee;
    QLineEdit* m_tags;
    TicketForm* m_form;
    QHash<QString, QLabel*> m_labels;
    QHash<QString, QLabel*> m_errors;
    QGridLayout* m_grid;
    bool m_filling = false;
};

} // namespace gongdan
