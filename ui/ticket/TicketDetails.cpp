#include "ui/ticket/TicketDetails.h"

#include "storage/FieldDefinitionRepository.h"
#include "storage/TeamDirectory.h"
#include "ui/form/TicketForm.h"

#include <QComboBox>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace gongdan {

namespace {

bool chineseUi()
{
    return QLocale().language() == QLocale::Chinese;
}

void selectData(QComboBox* combo, const QString& value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

QString comboValue(const QComboBox* combo)
{
    return combo->currentData().toString();
}

} // namespace

TicketDetails::TicketDetails(const Workstation& workstation, QWidget* parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_subject(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_needType(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_contactName(new QLineEdit(this))
    , m_contactPhone(new QLineEdit(this))
    , m_group(new QComboBox(this))
    , m_assignee(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_form(new TicketForm(workstation.clock, this, AttachmentAccess {workstation.attachments, workstation.transfer}))
    , m_grid(new QGridLayout)
{
    // Sensitive fields show masked; supervisors and admins get a "Show" beside them (asked of the server).
    m_form->setUnmasking(&workstation.unmasker, access::mayUnmask(workstation.session.principal()));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
    m_grid->setVerticalSpacing(2);
    outer->addLayout(m_grid);
    outer->addWidget(m_form);
    outer->addStretch(1);
    m_description->setMinimumHeight(90);
    m_description->setTabChangesFocus(true);
    // Reading order is tab order: the rows are added top to bottom.
    addRow(QStringLiteral("subject"), m_subject);
    addRow(QStringLiteral("description"), m_description);
    addRow(QStringLiteral("need_type"), m_needType);
    addRow(QStringLiteral("category_id"), m_category);
    addRow(QStringLiteral("priority"), m_priority);
    addRow(QStringLiteral("contact_name"), m_contactName);
    addRow(QStringLiteral("contact_phone"), m_contactPhone);
    addRow(QStringLiteral("group_id"), m_group);
    addRow(QStringLiteral("assignee_id"), m_assignee);
    addRow(QStringLiteral("tags"), m_tags);
    fillChoices();
    retranslate();

    const auto changed = [this] {
        if (!m_filling)
            Q_EMIT edited();
    };
    for (QLineEdit* edit : {m_subject, m_contactName, m_contactPhone, m_tags})
        connect(edit, &QLineEdit::textEdited, this, changed);
    connect(m_description, &QPlainTextEdit::textChanged, this, changed);
    for (QComboBox* combo : {m_needType, m_priority, m_group, m_assignee})
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            fillAssignees();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this, changed] {
        m_form->setCategory(comboValue(m_category)); // fields that do not apply to it hide
        changed();
    });
    connect(m_form, &TicketForm::edited, this, changed);
    reloadDefinitions();
}

void TicketDetails::addRow(const QString& key, QWidget* editor)
{
    const int row = m_grid->rowCount();
    auto* label = new QLabel(this);
    label->setBuddy(editor);
    auto* error = new QLabel(this);
    error->setObjectName(QStringLiteral("error_") + key);
    error->setStyleSheet(QStringLiteral("color:#c62828"));
    error->setWordWrap(true);
    error->hide();
    editor->setObjectName(QStringLiteral("field_") + key);
    m_grid->addWidget(label, row, 0, Qt::AlignRight | Qt::AlignTop);
    m_grid->addWidget(editor, row, 1);
    m_grid->addWidget(error, row + 1, 1);
    m_labels.insert(key, label);
    m_errors.insert(key, error);
}

void TicketDetails::retranslate()
{
    const QList<QPair<QString, QString>> labels {{QStringLiteral("subject"), tr("&Subject")},
        {QStringLiteral("description"), tr("&Description")}, {QStringLiteral("need_type"), tr("&Need type")},
        {QStringLiteral("category_id"), tr("Cate&gory")}, {QStringLiteral("priority"), tr("&Priority")},
        {QStringLiteral("contact_name"), tr("C&ontact")}, {QStringLiteral("contact_phone"), tr("P&hone")},
        {QStringLiteral("group_id"), tr("G&roup")}, {QStringLiteral("assignee_id"), tr("Ass&ignee")},
        {QStringLiteral("tags"), tr("&Tags")}};
    for (const auto& [key, text] : labels) {
        QLabel* label = m_labels.value(key);
        label->setText(
            key == QLatin1String("subject") ? text + QStringLiteral(" <span style=\"color:#c62828\">*</span>") : text);
        label->buddy()->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    }
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. VIP, 华东"));
    const bool filling = m_filling;
    m_filling = true;
    const QJsonObject values = currentValues();
    fillChoices();
    applySnapshot(values);
    m_filling = filling;
}

void TicketDetails::fillChoices()
{
    const bool chinese = chineseUi();
    m_needType->clear();
    for (NeedType n : EnumText<NeedType>::all())
        m_needType->addItem(EnumText<NeedType>::displayName(n), EnumText<NeedType>::key(n));
    m_priority->clear();
    for (Priority p : EnumText<Priority>::all())
        m_priority->addItem(EnumText<Priority>::displayName(p), EnumText<Priority>::key(p));
    m_category->clear();
    m_category->addItem(tr("(none)"), QString());
    for (const Category& category : m_ws.directory.categories().all()) {
        if (category.active)
            m_category->addItem(m_ws.directory.categoryPath(category.id, chinese), category.id);
    }
    m_group->clear();
    m_group->addItem(tr("(none)"), QString());
    for (const QString& id : m_ws.directory.groupIds())
        m_group->addItem(m_ws.directory.groupName(id, chinese), id);
    fillAssignees();
}

void TicketDetails::fillAssignees()
{
    // Only members of the ticket's group may be given it (TicketRules); whoever holds it now stays listed.
    const QString group = comboValue(m_group);
    const QString current = comboValue(m_assignee).isEmpty() ? m_ticket.assigneeId : comboValue(m_assignee);
    const bool filling = std::exchange(m_filling, true);
    m_assignee->clear();
    m_assignee->addItem(tr("(unassigned)"), QString());
    for (const AgentEntry& agent : m_ws.directory.agents()) {
        if (group.isEmpty() || agent.groupIds.contains(group) || agent.id == current)
            m_assignee->addItem(agent.name, agent.id);
    }
    m_assignee->setCurrentIndex(std::max(0, m_assignee->findData(current)));
    m_filling = filling;
}

void TicketDetails::reloadDefinitions()
{
    const bool filling = m_filling;
    m_filling = true;
    const QJsonObject typed = snapshot();
    fillChoices();
    auto categories = m_ws.fields.categories();
    m_form->setDefinitions(
        m_ws.fields.definitions(), categories ? categories.value() : CategoryTree(), m_ws.session.role, chineseUi());
    applySnapshot(typed);
    m_form->setCategory(comboValue(m_category));
    m_filling = filling;
}

void TicketDetails::setTicket(const Ticket& ticket)
{
    m_ticket = ticket;
    m_filling = true;
    m_subject->setText(ticket.subject);
    m_description->setPlainText(ticket.description);
    selectData(m_needType, EnumText<NeedType>::key(ticket.needType));
    selectData(m_category, ticket.categoryId);
    selectData(m_priority, EnumText<Priority>::key(ticket.priority));
    m_contactName->setText(ticket.contactName);
    m_contactPhone->setText(ticket.contactPhone);
    selectData(m_group, ticket.groupId);
    selectData(m_assignee, ticket.assigneeId);
    m_tags->setText(ticket.tags.join(QStringLiteral(", ")));
    m_form->setRecordId(ticket.id);
    m_form->setValues(ticket.customFields);
    m_form->setCategory(ticket.categoryId);
    m_filling = false;
    clearErrors();
}

QJsonObject TicketDetails::currentValues() const
{
    QJsonArray tags;
    for (const QString& tag : m_tags->text().split(QRegularExpression(QStringLiteral("[,，]")), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            tags.append(tag.trimmed());
    }
    const auto orNull = [](const QString& value) { return value.isEmpty() ? QJsonValue() : QJsonValue(value); };
    return QJsonObject {{QStringLiteral("subject"), m_subject->text().trimmed()},
        {QStringLiteral("description"), m_description->toPlainText()},
        {QStringLiteral("need_type"), comboValue(m_needType)},
        {QStringLiteral("category_id"), orNull(comboValue(m_category))},
        {QStringLiteral("priority"), comboValue(m_priority)},
        {QStringLiteral("contact_name"), orNull(m_contactName->text().trimmed())},
        {QStringLiteral("contact_phone"), orNull(m_contactPhone->text().trimmed())},
        {QStringLiteral("group_id"), orNull(comboValue(m_group))},
        {QStringLiteral("assignee_id"), orNull(comboValue(m_assignee))}, {QStringLiteral("tags"), tags},
        {QStringLiteral("custom_fields"), m_form->values()}};
}

QJsonObject TicketDetails::patch() const
{
    const QJsonObject values = currentValues();
    QJsonObject patch;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.key() == QLatin1String("custom_fields"))
            continue;
        QJsonValue before = m_ticket.fieldValue(it.key());
        if (before.isString() && before.toString().isEmpty() && it.value().isNull())
            before = QJsonValue();
        if (before != it.value())
            patch.insert(it.key(), it.value());
    }
    const QJsonObject custom = values.value(QStringLiteral("custom_fields")).toObject();
    QJsonObject customPatch;
    for (auto it = custom.begin(); it != custom.end(); ++it) {
        const QJsonValue before = m_ticket.customFields.value(it.key());
        // An unticked box on a ticket that never had the field is no change.
        if ((before.isUndefined() || before.isNull()) && (it.value().isNull() || it.value() == QJsonValue(false)))
            continue;
        if (before != it.value())
            customPatch.insert(it.key(), it.value());
    }
    for (auto it = m_ticket.customFields.begin(); it != m_ticket.customFields.end(); ++it) {
        if (!custom.contains(it.key()))
            customPatch.insert(it.key(), QJsonValue());
    }
    if (!customPatch.isEmpty())
        patch.insert(QStringLiteral("custom_fields"), customPatch);
    return patch;
}

QJsonObject TicketDetails::snapshot() const
{
    return currentValues();
}

void TicketDetails::applySnapshot(const QJsonObject& snapshot)
{
    const bool filling = m_filling;
    m_filling = true;
    m_subject->setText(snapshot.value(QStringLiteral("subject")).toString());
    m_description->setPlainText(snapshot.value(QStringLiteral("description")).toString());
    selectData(m_needType, snapshot.value(QStringLiteral("need_type")).toString());
    selectData(m_category, snapshot.value(QStringLiteral("category_id")).toString());
    selectData(m_priority, snapshot.value(QStringLiteral("priority")).toString());
    m_contactName->setText(snapshot.value(QStringLiteral("contact_name")).toString());
    m_contactPhone->setText(snapshot.value(QStringLiteral("contact_phone")).toString());
    selectData(m_group, snapshot.value(QStringLiteral("group_id")).toString());
    fillAssignees(); // the chosen group's members
    selectData(m_assignee, snapshot.value(QStringLiteral("assignee_id")).toString());
    QStringList tags;
    for (const QJsonValue& tag : snapshot.value(QStringLiteral("tags")).toArray())
        tags.append(tag.toString());
    m_tags->setText(tags.join(QStringLiteral(", ")));
    m_form->setValues(snapshot.value(QStringLiteral("custom_fields")).toObject());
    m_form->setCategory(comboValue(m_category));
    m_filling = filling;
}

bool TicketDetails::validate()
{
    clearErrors();
    bool ok = m_form->validate(false);
    if (m_subject->text().trimmed().isEmpty()) {
        showError(QStringLiteral("subject"), tr("Enter a subject."));
        ok = false;
    }
    return ok;
}

void TicketDetails::showError(const QString& field, const QString& message)
{
    if (QLabel* error = m_errors.value(field)) {
        error->setText(message);
        error->show();
        if (QWidget* editor = m_labels.value(field)->buddy())
            editor->setFocus();
    }
}

void TicketDetails::clearErrors()
{
    for (QLabel* error : std::as_const(m_errors))
        error->hide();
}

void TicketDetails::setReadOnly(bool readOnly)
{
    for (QLineEdit* edit : {m_subject, m_contactName, m_contactPhone, m_tags})
        edit->setReadOnly(readOnly);
    m_description->setReadOnly(readOnly);
    for (QComboBox* combo : {m_needType, m_category, m_priority, m_group, m_assignee})
        combo->setEnabled(!readOnly);
    m_form->setEnabled(!readOnly);
}

} // namespace gongdan
