#include "ui/views/ConditionRow.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace gongdan {

namespace {

const QString kCustom = QStringLiteral("custom_fields.");

bool isCheckbox(const FieldCatalog& catalog, const QString& field)
{
    if (!field.startsWith(kCustom))
        return false;
    for (const FieldDefinition& definition : catalog.definitions()) {
        if (definition.key == field.mid(kCustom.size()))
            return definition.type == FieldType::Checkbox;
    }
    return false;
}

} // namespace

ConditionRow::ConditionRow(const FieldCatalog& catalog, int index, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_field(new QComboBox(this))
    , m_op(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_choice(new QComboBox(this))
    , m_multi(new QToolButton(this))
    , m_multiMenu(new QMenu(this))
    , m_remove(new QToolButton(this))
{
    const QString n = QString::number(index);
    setObjectName(QStringLiteral("condition_") + n);
    m_field->setObjectName(QStringLiteral("conditionField_") + n);
    m_op->setObjectName(QStringLiteral("conditionOp_") + n);
    m_text->setObjectName(QStringLiteral("conditionText_") + n);
    m_choice->setObjectName(QStringLiteral("conditionChoice_") + n);
    m_multi->setObjectName(QStringLiteral("conditionChoices_") + n);
    m_remove->setObjectName(QStringLiteral("conditionRemove_") + n);
    m_multi->setMenu(m_multiMenu);
    m_multi->setPopupMode(QToolButton::InstantPopup);
    m_multi->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_multi->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_field->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const QString& field : m_catalog.fields())
        m_field->addItem(m_catalog.label(field), field);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field);
    layout->addWidget(m_op);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_choice, 1);
    layout->addWidget(m_multi, 1);
    layout->addWidget(m_remove);
    connect(m_field, &QComboBox::currentIndexChanged, this, &ConditionRow::fieldChanged);
    connect(m_op, &QComboBox::currentIndexChanged, this, &ConditionRow::opChanged);
    connect(m_remove, &QToolButton::clicked, this, &ConditionRow::removeRequested);
    connect(m_multiMenu, &QMenu::triggered, this, &ConditionRow::updateMultiText);
    retranslate();
    fieldChanged();
}

void ConditionRow::retranslate()
{
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove this condition"));
    m_field->setAccessibleName(tr("Field"));
    m_op->setAccessibleName(tr("Comparison"));
    m_text->setAccessibleName(tr("Value"));
    m_choice->setAccessibleName(tr("Value"));
    m_multi->setAccessibleName(tr("Values"));
    for (int i = 0; i < m_op->count(); ++i)
        m_op->setItemText(i, FieldCatalog::opName(static_cast<ConditionOp>(m_op->itemData(i).toInt())));
    updateMultiText();
}

QString ConditionRow::field() const
{
    return m_field->currentData().toString();
}

ConditionOp ConditionRow::op() const
{
    return static_cast<ConditionOp>(m_op->currentData().toInt());
}

void ConditionRow::fieldChanged()
{
    const ConditionOp previous = op();
    m_op->blockSignals(true);
    m_op->clear();
    for (ConditionOp o : m_catalog.operatorsFor(field()))
        m_op->addItem(FieldCatalog::opName(o), static_cast<int>(o));
    m_op->setCurrentIndex(std::max(0, m_op->findData(static_cast<int>(previous))));
    m_op->blockSignals(false);
    m_choice->clear();
    m_multiMenu->clear();
    for (const FieldCatalog::Choice& choice : m_catalog.choices(field())) {
        m_choice->addItem(choice.label, choice.key);
        QAction* action = m_multiMenu->addAction(choice.label);
        action->setData(choice.key);
        action->setCheckable(true);
    }
    const auto kind = m_catalog.kind(field());
    m_text->setPlaceholderText(kind == ViewFields::Kind::Time ? tr("yyyy-MM-dd, or “now”")
            : kind == ViewFields::Kind::Number                ? tr("a number")
                                                              : QString());
    opChanged();
}

ConditionRow::ValueEditor ConditionRow::valueEditor() const
{
    const ConditionOp o = op();
    if (o == ConditionOp::IsEmpty || o == ConditionOp::IsNotEmpty)
        return ValueEditor::None;
    if (o == ConditionOp::In || o == ConditionOp::NotIn)
        return ValueEditor::Choices;
    return m_choice->count() > 0 && o != ConditionOp::Contains ? ValueEditor::Choice : ValueEditor::Text;
}

void ConditionRow::opChanged()
{
    const ValueEditor editor = valueEditor();
    m_text->setVisible(editor == ValueEditor::Text);
    m_choice->setVisible(editor == ValueEditor::Choice);
    m_multi->setVisible(editor == ValueEditor::Choices);
    updateMultiText();
}

void ConditionRow::updateMultiText()
{
    QStringList chosen;
    for (QAction* action : m_multiMenu->actions()) {
        if (action->isChecked())
            chosen.append(action->text());
    }
    m_multi->setText(chosen.isEmpty() ? tr("(choose…)") : chosen.join(QStringLiteral(", ")));
}

void ConditionRow::setCondition(const ViewCondition& condition)
{
    m_field->setCurrentIndex(std::max(0, m_field->findData(condition.field)));
    fieldChanged();
    m_op->setCurrentIndex(std::max(0, m_op->findData(static_cast<int>(condition.op))));
    opChanged();
    const QString single = condition.value.isBool()
        ? (condition.value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
        : condition.value.toVariant().toString();
    if (m_choice->count() > 0)
        m_choice->setCurrentIndex(std::max(0, m_choice->findData(single)));
    const QJsonArray values = condition.value.toArray();
    for (QAction* action : m_multiMenu->actions())
        action->setChecked(values.contains(QJsonValue(action->data().toString())));
    updateMultiText();
    if (m_catalog.kind(condition.field) == ViewFields::Kind::Time && single == QLatin1String("$now"))
        m_text->setText(tr("now"));
    else if (m_catalog.kind(condition.field) == ViewFields::Kind::Time)
        m_text->setText(QDateTime::fromString(single, Qt::ISODateWithMs).toLocalTime().date().toString(Qt::ISODate));
    else
        m_text->setText(single);
}

Result<ViewCondition> ConditionRow::condition() const
{
    ViewCondition c {field(), op(), {}};
    const auto refuse = [&](const QString& message) -> Result<ViewCondition> {
        return Error {QStringLiteral("view.value"), message, QStringLiteral("value")};
    };
    switch (valueEditor()) {
    case ValueEditor::None:
        return c;
    case ValueEditor::Choices: {
        QJsonArray values;
        for (QAction* action : m_multiMenu->actions()) {
            if (action->isChecked())
                values.append(action->data().toString());
        }
        if (values.isEmpty())
            return refuse(tr("Choose at least one value for “%1”.").arg(m_catalog.label(c.field)));
        c.value = values;
        return c;
    }
    case ValueEditor::Choice: {
        const QString key = m_choice->currentData().toString();
        c.value = isCheckbox(m_catalog, c.field) ? QJsonValue(key == QLatin1String("true")) : QJsonValue(key);
        return c;
    }
    case ValueEditor::Text:
        break;
    }
    const QString text = m_text->text().trimmed();
    if (text.isEmpty())
        return refuse(tr("Enter a value for “%1”.").arg(m_catalog.label(c.field)));
    switch (m_catalog.kind(c.field).value_or(ViewFields::Kind::Text)) {
    case ViewFields::Kind::Time: {
        if (text == tr("now") || text == QLatin1String("now") || text == QLatin1String("$now")) {
            c.value = QStringLiteral("$now");
            return c;
        }
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return refuse(tr("“%1” is not a date (yyyy-MM-dd) or “now”.").arg(text));
        c.value = QDateTime(date, QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs);
        return c;
    }
    case ViewFields::Kind::Number: {
        bool ok = false;
        const double number = QLocale().toDouble(text, &ok);
        const double plain = ok ? number : text.toDouble(&ok);
        if (!ok)
            return refuse(tr("“%1” is not a number.").arg(text));
        c.value = plain;
        return c;
    }
    default:
        c.value = text;
        return c;
    }
}

} // namespace gongdan
