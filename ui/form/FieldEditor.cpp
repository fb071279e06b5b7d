#include "ui/form/FieldEditor.h"

#include "ui/form/AttachmentFieldEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTimeZone>

namespace gongdan {

namespace {

// Single-line text of every flavour, numbers (validated by FieldValidator, not by a widget that would
// silently refuse keystrokes) and customer references.
class LineFieldEditor final : public FieldEditor {
public:
    LineFieldEditor(const FieldDefinition& d, QWidget* parent) : FieldEditor(d, parent), m_edit(new QLineEdit(this))
    {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_edit);
        setFocusProxy(m_edit);
        if (d.maxLength > 0)
            m_edit->setMaxLength(d.maxLength);
        if (d.type == FieldType::Decimal)
            m_edit->setPlaceholderText(QStringLiteral("0.%1").arg(QString(d.precision, QLatin1Char('0'))));
        if (d.type == FieldType::Date)
            m_edit->setPlaceholderText(QStringLiteral("2023-10-01"));
        connect(m_edit, &QLineEdit::textEdited, this, &FieldEditor::edited);
    }
    QJsonValue value() const override
    {
        const QString text = m_edit->text().trimmed();
        if (text.isEmpty())
            return QJsonValue();
        if (definition().type == FieldType::Integer) {
            bool ok = false;
            const qint64 number = text.toLongLong(&ok);
            return ok ? QJsonValue(number) : QJsonValue(text); // the validator names what is wrong
        }
        return text;
    }
    void setValue(const QJsonValue& v) override
    {
        m_edit->setText(v.isDouble() ? QString::number(
                            v.toDouble(), 'f', definition().type == FieldType::Integer ? 0 : definition().precision)
                                     : v.toString());
    }
    void setReadOnly(bool readOnly) override { m_edit->setReadOnly(readOnly); }

private:
    QLineEdit* m_edit;
};

class MultiLineFieldEditor final : public FieldEditor {
public:
    MultiLineFieldEditor(const FieldDefinition& d, QWidget* parent)
        : FieldEditor(d, parent), m_edit(new QPlainTextEdit(this))
    {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_edit);
        setFocusProxy(m_edit);
        m_edit->setTabChangesFocus(true);
        m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 4 + 12);
        connect(m_edit, &QPlainTextEdit::textChanged, this, &FieldEditor::edited);
    }
    QJsonValue value() const override
    {
        const QString text = m_edit->toPlainText();
        return text.trimmed().isEmpty() ? QJsonValue() : QJsonValue(text);
    }
    void setValue(const QJsonValue& v) override { m_edit->setPlainText(v.toString()); }
    void setReadOnly(bool readOnly) override { m_edit->setReadOnly(readOnly); }

private:
    QPlainTextEdit* m_edit;
};

// Date-time picker with an explicit "no value" state (a QDateTimeEdit alone is never empty).
class DateTimeFieldEditor final : public FieldEditor {
public:
    DateTimeFieldEditor(const FieldDefinition& d, const Clock& clock, QWidget* parent)
        : FieldEditor(d, parent), m_set(new QCheckBox(this)), m_edit(new QDateTimeEdit(this))
    {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_set);
        layout->addWidget(m_edit, 1);
        setFocusProxy(m_set);
        m_set->setAccessibleName(tr("Set %1").arg(d.label(true)));
        m_edit->setCalendarPopup(true);
        m_edit->setDisplayFormat(
            d.type == FieldType::Date ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm"));
        m_edit->setDateTime(clock.now().toLocalTime());
        m_edit->setEnabled(false);
        connect(m_set, &QCheckBox::toggled, m_edit, &QWidget::setEnabled);
        connect(m_set, &QCheckBox::toggled, this, &FieldEditor::edited);
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &FieldEditor::edited);
    }
    QJsonValue value() const override
    {
        if (!m_set->isChecked())
            return QJsonValue();
        if (definition().type == FieldType::Date)
            return m_edit->date().toString(QStringLiteral("yyyy-MM-dd"));
        return m_edit->dateTime().toOffsetFromUtc(m_edit->dateTime().offsetFromUtc()).toString(Qt::ISODate);
    }
    void setValue(const QJsonValue& v) override
    {
        const QDateTime time = definition().type == FieldType::Date
            ? QDateTime(QDate::fromString(v.toString(), QStringLiteral("yyyy-MM-dd")), QTime(0, 0))
            : QDateTime::fromString(v.toString(), Qt::ISODate).toLocalTime();
        m_set->setChecked(time.isValid());
        if (time.isValid())
            m_edit->setDateTime(time);
    }
    void setReadOnly(bool readOnly) override
    {
        m_set->setEnabled(!readOnly);
        m_edit->setReadOnly(readOnly);
    }

private:
    QCheckBox* m_set;
    QDateTimeEdit* m_edit;
};

class ChoiceFieldEditor final : public FieldEditor {
public:
    ChoiceFieldEditor(const FieldDefinition& d, bool chinese, QWidget* parent)
        : FieldEditor(d, parent), m_chinese(chinese)
    {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        const int levels = d.type == FieldType::CascadingSelect ? FieldDefinition::kMaxCascadeDepth : 1;
        for (int level = 0; level < levels; ++level) {
            auto* box = new QComboBox(this);
            box->setAccessibleName(
                levels > 1 ? tr("%1, level %2").arg(d.label(chinese)).arg(level + 1) : d.label(chinese));
            layout->addWidget(box, 1);
            m_levels.append(box);
            connect(box, &QComboBox::currentIndexChanged, this, [this, level] {
                fill(level + 1);
                Q_EMIT edited();
            });
        }
        setFocusProxy(m_levels.first());
        fill(0);
    }
    QJsonValue value() const override
    {
        QJsonArray path;
        for (QComboBox* box : m_levels) {
            if (box->isHidden())
                break;
            const QString v = box->currentData().toString();
            if (v.isEmpty())
                break;
            path.append(v);
        }
        if (path.isEmpty())
            return QJsonValue();
        return definition().type == FieldType::CascadingSelect ? QJsonValue(path) : path.first();
    }
    void setValue(const QJsonValue& v) override
    {
        const QJsonArray path = v.isArray() ? v.toArray() : QJsonArray {v};
        for (int level = 0; level < m_levels.size(); ++level) {
            QComboBox* box = m_levels.at(level);
            const int index = level < path.size() ? box->findData(path.at(level).toString()) : 0;
            box->setCurrentIndex(std::max(0, index));
        }
    }
    void setReadOnly(bool readOnly) override
    {
        for (QComboBox* box : m_levels)
            box->setEnabled(!readOnly);
    }

private:
    // Fills level `level` with the children of the choice above it; hides the levels below a leaf.
    void fill(int level)
    {
        if (level >= m_levels.size())
            return;
        const QList<FieldOption>* options = &definition().options;
        for (int above = 0; above < level && options; ++above) {
            const QString chosen = m_levels.at(above)->currentData().toString();
            const auto it = std::find_if(
                options->begin(), options->end(), [&](const FieldOption& o) { return o.value == chosen; });
            options = it == options->end() ? nullptr : &it->children;
        }
        QComboBox* box = m_levels.at(level);
        const QSignalBlocker blocker(box);
        box->clear();
        const bool show = options && !options->isEmpty();
        box->setVisible(level == 0 || show);
        if (show) {
            box->addItem(QString(), QString());
            for (const FieldOption& option : *options) {
                if (option.active)
                    box->addItem(option.label(m_chinese), option.value);
            }
        }
        fill(level + 1);
    }

    bool m_chinese;
    QList<QComboBox*> m_levels;
};

class MultiChoiceFieldEditor final : public FieldEditor {
public:
    MultiChoiceFieldEditor(const FieldDefinition& d, bool chinese, QWidget* parent)
        : FieldEditor(d, parent), m_list(new QListWidget(this))
    {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_list);
        setFocusProxy(m_list);
        for (const FieldOption& option : d.options) {
            if (!option.active)
                continue;
            auto* item = new QListWidgetItem(option.label(chinese), m_list);
            item->setData(Qt::UserRole, option.value);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        m_list->setFlow(QListView::LeftToRight);
        m_list->setWrapping(true);
        m_list->setFixedHeight(m_list->fontMetrics().height() * 2 + 14);
        connect(m_list, &QListWidget::itemChanged, this, &FieldEditor::edited);
    }
    QJsonValue value() const override
    {
        QJsonArray chosen;
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->checkState() == Qt::Checked)
                chosen.append(m_list->item(i)->data(Qt::UserRole).toString());
        }
        return chosen.isEmpty() ? QJsonValue() : QJsonValue(chosen);
    }
    void setValue(const QJsonValue& v) override
    {
        const QJsonArray chosen = v.toArray();
        for (int i = 0; i < m_list->count(); ++i) {
            const bool on = chosen.contains(QJsonValue(m_list->item(i)->data(Qt::UserRole).toString()));
            m_list->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
    }
    void setReadOnly(bool readOnly) override { m_list->setEnabled(!readOnly); }

private:
    QListWidget* m_list;
};

class CheckFieldEditor final : public FieldEditor {
public:
    CheckFieldEditor(const FieldDefinition& d, bool chinese, QWidget* parent)
        : FieldEditor(d, parent), m_box(new QCheckBox(d.label(chinese), this))
    {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_box);
        setFocusProxy(m_box);
        connect(m_box, &QCheckBox::toggled, this, &FieldEditor::edited);
    }
    QJsonValue value() const override { return m_box->isChecked(); }
    void setValue(const QJsonValue& v) override { m_box->setChecked(v.toBool()); }
    void setReadOnly(bool readOnly) override { m_box->setEnabled(!readOnly); }

private:
    QCheckBox* m_box;
};

} // namespace

FieldEditor::FieldEditor(FieldDefinition definition, QWidget* parent)
    : QWidget(parent), m_definition(std::move(definition))
{
    setObjectName(QStringLiteral("field_") + m_definition.key);
}

FieldEditor* FieldEditor::create(
    const FieldDefinition& definition, bool chinese, const Clock& clock, QWidget* parent, const AttachmentAccess* files)
{
    FieldEditor* editor = nullptr;
    switch (definition.type) {
    case FieldType::MultiLineText:
        editor = new MultiLineFieldEditor(definition, parent);
        break;
    case FieldType::Date:
    case FieldType::DateTime:
        editor = new DateTimeFieldEditor(definition, clock, parent);
        break;
    case FieldType::SingleSelect:
    case FieldType::CascadingSelect:
        editor = new ChoiceFieldEditor(definition, chinese, parent);
        break;
    case FieldType::MultiSelect:
        editor = new MultiChoiceFieldEditor(definition, chinese, parent);
        break;
    case FieldType::Checkbox:
        editor = new CheckFieldEditor(definition, chinese, parent);
        break;
    case FieldType::Attachment:
        editor = new AttachmentFieldEditor(definition, files, parent);
        break;
    case FieldType::Text:
    case FieldType::Integer:
    case FieldType::Decimal:
    case FieldType::RegexText:
    case FieldType::CustomerRef:
        editor = new LineFieldEditor(definition, parent);
        break;
    }
    editor->setAccessibleName(definition.label(chinese));
    // The control that takes the focus is what a screen reader announces: it carries the name too.
    if (QWidget* proxy = editor->focusProxy(); proxy && proxy->accessibleName().isEmpty())
        proxy->setAccessibleName(definition.label(chinese));
    editor->setToolTip(chinese || definition.helpEn.isEmpty() ? definition.helpZh : definition.helpEn);
    return editor;
}

} // namespace gongdan
