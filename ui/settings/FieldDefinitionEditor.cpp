#include "ui/settings/FieldDefinitionEditor.h"

#include "domain/OptionText.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/TeamDirectory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gongdan {

namespace {

bool chineseUi()
{
    return QLocale().language() == QLocale::Chinese;
}

std::optional<qint64> number(const QLineEdit* edit, bool* ok)
{
    *ok = true;
    if (edit->text().trimmed().isEmpty())
        return std::nullopt;
    const qint64 value = edit->text().trimmed().toLongLong(ok);
    return *ok ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

FieldDefinitionEditor::FieldDefinitionEditor(const Workstation& workstation, QWidget* parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_up(new QPushButton(this))
    , m_down(new QPushButton(this))
    , m_toggle(new QPushButton(this))
    , m_key(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_labelZh(new QLineEdit(this))
    , m_labelEn(new QLineEdit(this))
    , m_required(new QCheckBox(this))
    , m_requiredToClose(new QCheckBox(this))
    , m_sensitive(new QCheckBox(this))
    , m_format(new QComboBox(this))
    , m_minimum(new QLineEdit(this))
    , m_maximum(new QLineEdit(this))
    , m_precision(new QSpinBox(this))
    , m_pattern(new QLineEdit(this))
    , m_patternZh(new QLineEdit(this))
    , m_patternEn(new QLineEdit(this))
    , m_options(new QPlainTextEdit(this))
    , m_categories(new QListWidget(this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("fieldEditor"));
    const QList<QPair<QWidget*, const char*>> names {{m_list, "fieldList"}, {m_add, "fieldAdd"}, {m_up, "fieldUp"},
        {m_down, "fieldDown"}, {m_toggle, "fieldToggle"}, {m_key, "fieldKey"}, {m_type, "fieldType"},
        {m_labelZh, "fieldLabelZh"}, {m_labelEn, "fieldLabelEn"}, {m_required, "fieldRequired"},
        {m_requiredToClose, "fieldRequiredToClose"}, {m_sensitive, "fieldSensitive"}, {m_format, "fieldFormat"},
        {m_minimum, "fieldMinimum"}, {m_maximum, "fieldMaximum"}, {m_precision, "fieldPrecision"},
        {m_pattern, "fieldPattern"}, {m_patternZh, "fieldPatternZh"}, {m_patternEn, "fieldPatternEn"},
        {m_options, "fieldOptions"}, {m_categories, "fieldCategories"}, {m_error, "fieldError"}, {m_save, "fieldSave"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));
    m_precision->setRange(0, 8);
    m_options->setTabChangesFocus(true);
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    for (FieldType type : FieldDefinition::allTypes())
        m_type->addItem(FieldDefinition::typeName(type), FieldDefinition::typeKey(type));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_add, m_up, m_down, m_toggle})
        buttons->addWidget(button);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(buttons);

    auto* form = new QFormLayout;
    const auto row = [&](QWidget* editor) {
        auto* label = new QLabel(this);
        label->setBuddy(editor);
        form->addRow(label, editor);
        return label;
    };
    for (QWidget* editor : std::initializer_list<QWidget*> {m_key, m_type, m_labelZh, m_labelEn})
        row(editor);
    form->addRow(QString(), m_required);
    form->addRow(QString(), m_requiredToClose);
    form->addRow(QString(), m_sensitive);
    for (QWidget* editor : std::initializer_list<QWidget*> {
             m_format, m_minimum, m_maximum, m_precision, m_pattern, m_patternZh, m_patternEn, m_options})
        m_typeRows.append({row(editor), editor});
    row(m_categories);
    auto* roles = new QHBoxLayout;
    for (Role role : allRoles()) {
        auto* box = new QCheckBox(this);
        box->setObjectName(QStringLiteral("fieldRole_") + roleName(role));
        box->setProperty("role", roleName(role));
        m_roles.append(box);
        roles->addWidget(box);
    }
    auto* rolesLabel = new QLabel(this);
    rolesLabel->setObjectName(QStringLiteral("fieldRolesLabel"));
    form->addRow(rolesLabel, roles);
    m_categories->setMaximumHeight(120);
    m_options->setMaximumHeight(110);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_error);
    right->addWidget(m_save, 0, Qt::AlignRight);
    right->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int current) {
        if (current >= 0 && current < m_definitions.size())
            showDefinition(m_definitions.at(current), false);
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, &FieldDefinitionEditor::typeChanged);
    connect(m_add, &QPushButton::clicked, this, &FieldDefinitionEditor::addField);
    connect(m_save, &QPushButton::clicked, this, &FieldDefinitionEditor::saveField);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_toggle, &QPushButton::clicked, this, &FieldDefinitionEditor::toggleSelected);
    retranslate();
    reload(QString());
    for (QWidget* widget : std::initializer_list<QWidget*> {m_add, m_up, m_down, m_toggle, m_save})
        widget->setEnabled(editable());
}

bool FieldDefinitionEditor::editable() const
{
    return access::mayManageFields(m_ws.session.principal());
}

void FieldDefinitionEditor::retranslate()
{
    m_add->setText(tr("&Add field"));
    m_list->setAccessibleName(tr("Custom fields"));
    m_up->setText(tr("Move &up"));
    m_down->setText(tr("Move do&wn"));
    m_save->setText(tr("&Save field"));
    m_required->setText(tr("Required when saving"));
    m_requiredToClose->setText(tr("Required to close the ticket"));
    m_sensitive->setText(tr("Sensitive: masked (110***********1234) for all but supervisors and admins"));
    m_sensitive->setToolTip(tr("Text fields only; cannot be changed once the field is created"));
    const QStringList labels {tr("&Key"), tr("T&ype"), tr("Label (&Chinese)"), tr("Label (&English)"), tr("&Format"),
        tr("Mi&nimum"), tr("Ma&ximum"), tr("&Digits after the point"), tr("&Pattern"), tr("Message (Chinese)"),
        tr("Message (English)"), tr("&Options"), tr("&Categories")};
    const QList<QWidget*> editors {m_key, m_type, m_labelZh, m_labelEn, m_format, m_minimum, m_maximum, m_precision,
        m_pattern, m_patternZh, m_patternEn, m_options, m_categories};
    for (int i = 0; i < editors.size(); ++i) {
        for (QLabel* label : findChildren<QLabel*>()) {
            if (label->buddy() == editors.at(i))
                label->setText(labels.at(i));
        }
        editors.at(i)->setAccessibleName(QString(labels.at(i)).remove(QLatin1Char('&')));
    }
    findChild<QLabel*>(QStringLiteral("fieldRolesLabel"))->setText(tr("Editable by"));
    findChild<QLabel*>(QStringLiteral("fieldRolesLabel"))->setToolTip(tr("None ticked: every role may edit."));
    for (QCheckBox* box : std::as_const(m_roles))
        box->setText(roleTitle(roleFromName(box->property("role").toString()).value_or(Role::Agent)));
    m_key->setPlaceholderText(tr("lower case letters, digits and _, e.g. serial_no"));
    m_options->setPlaceholderText(tr("One per line: value = 中文 | English; indent two spaces for a sub-option"));
    const int format = std::max(0, m_format->currentIndex());
    m_format->clear();
    m_format->addItems({tr("Plain text"), tr("E-mail address"), tr("Phone number"), tr("Web address")});
    m_format->setCurrentIndex(format);
    m_toggle->setText(m_current.active || m_isNew ? tr("&Deactivate") : tr("&Activate"));
    if (!editable())
        setToolTip(tr("Only administrators change field definitions."));
}

void FieldDefinitionEditor::reload(const QString& selectKey)
{
    m_definitions = m_ws.fields.definitions();
    m_list->blockSignals(true);
    m_list->clear();
    int select = 0;
    for (int i = 0; i < m_definitions.size(); ++i) {
        const FieldDefinition& d = m_definitions.at(i);
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  ·  %2").arg(d.label(chineseUi()), FieldDefinition::typeName(d.type)), m_list);
        if (!d.active) {
            item->setForeground(QColor(0x9e, 0x9e, 0x9e));
            item->setText(tr("%1 (inactive)").arg(item->text()));
        }
        if (d.key == selectKey)
            select = i;
    }
    m_list->blockSignals(false);
    if (!m_definitions.isEmpty()) {
        m_list->setCurrentRow(select);
        showDefinition(m_definitions.at(select), false);
    }
}

void FieldDefinitionEditor::showDefinition(const FieldDefinition& definition, bool isNew)
{
    m_current = definition;
    m_isNew = isNew;
    m_key->setText(definition.key);
    m_key->setReadOnly(!isNew || !editable());
    m_type->setCurrentIndex(std::max(0, m_type->findData(FieldDefinition::typeKey(definition.type))));
    m_type->setEnabled(isNew && editable());
    m_labelZh->setText(definition.labelZh);
    m_labelEn->setText(definition.labelEn);
    m_required->setChecked(definition.required);
    m_requiredToClose->setChecked(definition.requiredToClose);
    m_sensitive->setChecked(definition.sensitive);
    m_format->setCurrentIndex(static_cast<int>(definition.textFormat));
    m_minimum->setText(definition.minimum ? QString::number(*definition.minimum) : QString());
    m_maximum->setText(definition.maximum ? QString::number(*definition.maximum) : QString());
    m_precision->setValue(definition.precision);
    m_pattern->setText(definition.pattern);
    m_patternZh->setText(definition.patternMessageZh);
    m_patternEn->setText(definition.patternMessageEn);
    m_options->setPlainText(OptionText::format(definition.options));
    m_categories->clear();
    for (const Category& category : m_ws.directory.categories().all()) {
        auto* item = new QListWidgetItem(m_ws.directory.categoryPath(category.id, chineseUi()), m_categories);
        item->setData(Qt::UserRole, category.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(definition.categoryIds.contains(category.id) ? Qt::Checked : Qt::Unchecked);
    }
    for (QCheckBox* box : std::as_const(m_roles))
        box->setChecked(definition.editRoles.contains(box->property("role").toString()));
    m_toggle->setText(definition.active || isNew ? tr("&Deactivate") : tr("&Activate"));
    m_toggle->setEnabled(!isNew && editable());
    m_error->hide();
    typeChanged();
}

void FieldDefinitionEditor::typeChanged()
{
    const FieldType type = FieldDefinition::typeFromKey(m_type->currentData().toString()).value_or(FieldType::Text);
    const bool number = type == FieldType::Integer || type == FieldType::Decimal;
    const bool regex = type == FieldType::RegexText;
    const bool options
        = type == FieldType::SingleSelect || type == FieldType::MultiSelect || type == FieldType::CascadingSelect;
    const QList<bool> shown {
        type == FieldType::Text, number, number, type == FieldType::Decimal, regex, regex, regex, options};
    for (int i = 0; i < m_typeRows.size(); ++i) {
        m_typeRows.at(i).first->setVisible(shown.at(i));
        m_typeRows.at(i).second->setVisible(shown.at(i));
    }
    // Sensitive: text and checked text only, chosen when the field is made (domain/Masking.h).
    const bool text = type == FieldType::Text || type == FieldType::RegexText;
    m_sensitive->setEnabled(m_isNew && editable() && text);
    if (!text)
        m_sensitive->setChecked(false);
}

void FieldDefinitionEditor::addField()
{
    FieldDefinition definition;
    definition.order = m_definitions.isEmpty() ? 10 : m_definitions.last().order + 10;
    m_list->clearSelection();
    showDefinition(definition, true);
    m_key->setFocus();
}

Result<FieldDefinition> FieldDefinitionEditor::formDefinition() const
{
    FieldDefinition d = m_current;
    d.key = m_key->text().trimmed();
    d.type = FieldDefinition::typeFromKey(m_type->currentData().toString()).value_or(FieldType::Text);
    d.labelZh = m_labelZh->text().trimmed();
    d.labelEn = m_labelEn->text().trimmed();
    d.required = m_required->isChecked();
    d.requiredToClose = m_requiredToClose->isChecked();
    d.sensitive = m_sensitive->isChecked();
    d.textFormat = static_cast<TextFormat>(std::max(0, m_format->currentIndex()));
    bool ok = true;
    d.minimum = number(m_minimum, &ok);
    if (!ok)
        return Error {
            QStringLiteral("field.minimum"), tr("The minimum must be a whole number."), QStringLiteral("minimum")};
    d.maximum = number(m_maximum, &ok);
    if (!ok)
        return Error {
            QStringLiteral("field.maximum"), tr("The maximum must be a whole number."), QStringLiteral("maximum")};
    d.precision = m_precision->value();
    d.pattern = m_pattern->text();
    d.patternMessageZh = m_patternZh->text().trimmed();
    d.patternMessageEn = m_patternEn->text().trimmed();
    if (m_options->isVisibleTo(this)) {
        auto options = OptionText::parse(m_options->toPlainText());
        if (!options)
            return options.error();
        d.options = options.value();
    }
    d.categoryIds.clear();
    for (int i = 0; i < m_categories->count(); ++i) {
        if (m_categories->item(i)->checkState() == Qt::Checked)
            d.categoryIds.append(m_categories->item(i)->data(Qt::UserRole).toString());
    }
    d.editRoles.clear();
    for (QCheckBox* box : m_roles) {
        if (box->isChecked())
            d.editRoles.append(box->property("role").toString());
    }
    if (m_isNew && m_ws.fields.find(d.key))
        return Error {QStringLiteral("field.key_taken"), tr("A field with the key “%1” exists already.").arg(d.key),
            QStringLiteral("key")};
    return d;
}

void FieldDefinitionEditor::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

bool FieldDefinitionEditor::store(const FieldDefinition& definition)
{
    auto saved = m_ws.fields.save(definition);
    if (!saved) {
        showError(saved.error().message);
        return false;
    }
    m_ws.directory.reload();
    reload(saved.value().key);
    Q_EMIT definitionsChanged();
    return true;
}

bool FieldDefinitionEditor::saveField()
{
    if (!editable())
        return false;
    auto definition = formDefinition();
    if (!definition) {
        showError(definition.error().message);
        return false;
    }
    return store(definition.value());
}

void FieldDefinitionEditor::moveSelected(int step)
{
    const int row = m_list->currentRow();
    const int other = row + step;
    if (!editable() || row < 0 || other < 0 || other >= m_definitions.size())
        return;
    FieldDefinition a = m_definitions.at(row);
    FieldDefinition b = m_definitions.at(other);
    std::swap(a.order, b.order);
    if (a.order == b.order) // equal orders: make the move visible
        a.order += step;
    auto first = m_ws.fields.save(b);
    if (!first) {
        showError(first.error().message);
        return;
    }
    store(a);
    m_list->setFocus();
}

void FieldDefinitionEditor::toggleSelected()
{
    const int row = m_list->currentRow();
    if (!editable() || row < 0 || row >= m_definitions.size())
        return;
    FieldDefinition definition = m_definitions.at(row);
    definition.active = !definition.active;
    store(definition);
}

} // namespace gongdan
