#include "ui/form/TicketForm.h"

#include "domain/FieldValidator.h"
#include "domain/Masking.h"
#include "sync/Unmasker.h"
#include "ui/form/FieldEditor.h"

#include <QGridLayout>
#include <QLabel>
#include <QToolButton>

namespace gongdan {

TicketForm::TicketForm(const Clock& clock, QWidget* parent, std::optional<AttachmentAccess> files)
    : QWidget(parent), m_clock(clock), m_files(std::move(files)), m_grid(new QGridLayout(this))
{
    setObjectName(QStringLiteral("ticketForm"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
    m_grid->setVerticalSpacing(2);
}

void TicketForm::setDefinitions(
    const QList<FieldDefinition>& definitions, const CategoryTree& categories, Role role, bool chinese)
{
    const QJsonObject current = values();
    qDeleteAll(findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
    m_editors.clear();
    m_labels.clear();
    m_errors.clear();
    m_shows.clear();
    m_clears.clear();
    m_definitions = definitions;
    m_categories = categories;
    m_role = role;
    m_chinese = chinese;
    int row = 0;
    for (const FieldDefinition& def : m_definitions) {
        if (!def.active)
            continue;
        auto* label = new QLabel(
            def.label(chinese) + (def.required ? QStringLiteral(" <span style=\"color:#c62828\">*</span>") : QString()),
            this);
        label->setObjectName(QStringLiteral("label_") + def.key);
        label->setTextFormat(Qt::RichText);
        FieldEditor* editor = FieldEditor::create(def, chinese, m_clock, this, m_files ? &*m_files : nullptr);
        editor->setReadOnly(!access::mayEditField(role, def.editRoles));
        label->setBuddy(editor);
        auto* error = new QLabel(this);
        error->setObjectName(QStringLiteral("error_") + def.key);
        error->setStyleSheet(QStringLiteral("color:#c62828"));
        error->setWordWrap(true);
        error->hide();
        m_grid->addWidget(label, row, 0, Qt::AlignRight | Qt::AlignTop);
        m_grid->addWidget(editor, row, 1);
        m_grid->addWidget(error, row + 1, 1);
        if (def.sensitive) {
            auto* show = new QToolButton(this);
            show->setObjectName(QStringLiteral("show_") + def.key);
            show->setText(tr("Show"));
            show->setToolTip(tr("Show the full value; the server records that you looked"));
            auto* clear = new QLabel(this);
            clear->setObjectName(QStringLiteral("clear_") + def.key);
            clear->setTextInteractionFlags(Qt::TextSelectableByMouse);
            clear->hide();
            m_grid->addWidget(show, row, 2);
            m_grid->addWidget(clear, row, 3);
            m_shows.insert(def.key, show);
            m_clears.insert(def.key, clear);
            connect(show, &QToolButton::clicked, this, [this, key = def.key, show] {
                if (!m_unmasker)
                    return;
                show->setEnabled(false);
                m_unmasker->reveal(QStringLiteral("ticket"), m_recordId, {masking::customFieldName(key)});
            });
        }
        row += 2;
        m_editors.insert(def.key, editor);
        m_labels.insert(def.key, label);
        m_errors.insert(def.key, error);
        connect(editor, &FieldEditor::edited, this, [this, key = def.key] {
            m_errors.value(key)->hide(); // the message goes once the agent acts on it
            updateShowButtons();
            Q_EMIT edited();
        });
    }
    setValues(current.isEmpty() ? m_stored : current);
    applyVisibility();
}

void TicketForm::setCategory(const QString& categoryId)
{
    m_categoryId = categoryId;
    applyVisibility();
}

void TicketForm::applyVisibility()
{
    ValidationContext context;
    context.categoryId = m_categoryId;
    context.categories = &m_categories;
    for (const FieldDefinition& def : m_definitions) {
        if (!m_editors.contains(def.key))
            continue;
        const bool show = FieldValidator::appliesTo(def, context);
        m_labels.value(def.key)->setVisible(show);
        m_editors.value(def.key)->setVisible(show);
        if (!show)
            m_errors.value(def.key)->hide();
    }
    updateShowButtons();
}

void TicketForm::setValues(const QJsonObject& values)
{
    m_stored = values;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it)
        it.value()->setValue(values.value(it.key()));
    for (QLabel* clear : std::as_const(m_clears)) { // a clear value belongs to the view it was asked in
        clear->clear();
        clear->hide();
    }
    updateShowButtons();
}

void TicketForm::setUnmasking(Unmasker* unmasker, bool mayUnmask)
{
    m_unmasker = unmasker;
    m_mayUnmask = mayUnmask;
    if (!unmasker)
        return;
    connect(unmasker, &Unmasker::revealed, this,
        [this](const QString& entity, const QString& id, const QHash<QString, QString>& values) {
            if (entity != QLatin1String("ticket") || id != m_recordId)
                return;
            for (auto it = m_clears.begin(); it != m_clears.end(); ++it) {
                const QString field = masking::customFieldName(it.key());
                if (!values.contains(field))
                    continue;
                it.value()->setStyleSheet(
                    QStringLiteral("background:#fff8e1; border:1px solid #ffcc80; padding:1px 4px"));
                it.value()->setToolTip(tr("Shown for this view only; the server recorded that you looked"));
                it.value()->setText(values.value(field));
                it.value()->show();
                m_shows.value(it.key())->hide();
            }
        });
    connect(unmasker, &Unmasker::refused, this, [this](const QString& entity, const QString& id, const QString& why) {
        if (entity != QLatin1String("ticket") || id != m_recordId)
            return;
        for (auto it = m_shows.begin(); it != m_shows.end(); ++it) {
            if (it.value()->isEnabled() || it.value()->isHidden())
                continue; // not the one asked
            it.value()->setEnabled(true);
            m_clears.value(it.key())->setStyleSheet(QStringLiteral("color:#c62828"));
            m_clears.value(it.key())->setText(why);
            m_clears.value(it.key())->show();
        }
    });
    updateShowButtons();
}

void TicketForm::updateShowButtons()
{
    for (auto it = m_shows.begin(); it != m_shows.end(); ++it) {
        const QJsonValue stored = m_stored.value(it.key());
        const FieldEditor* editor = m_editors.value(it.key());
        const bool masked = stored.isString() && masking::looksMasked(stored.toString());
        it.value()->setEnabled(true);
        it.value()->setVisible(m_unmasker && m_mayUnmask && !m_recordId.isEmpty() && masked && editor
            && !editor->isHidden() && editor->value() == stored && m_clears.value(it.key())->isHidden());
    }
}

QJsonObject TicketForm::values() const
{
    QJsonObject result = m_stored;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        if (!isFieldVisible(it.key()))
            continue; // not shown for this category: keep what was stored
        const QJsonValue value = it.value()->value();
        if (value.isNull() || value.isUndefined())
            result.remove(it.key());
        else
            result.insert(it.key(), value);
    }
    return result;
}

bool TicketForm::isFieldVisible(const QString& key) const
{
    const FieldEditor* editor = m_editors.value(key);
    return editor && !editor->isHidden();
}

bool TicketForm::validate(bool closing)
{
    ValidationContext context;
    context.categoryId = m_categoryId;
    context.categories = &m_categories;
    context.closing = closing;
    context.chinese = m_chinese;
    for (QLabel* error : std::as_const(m_errors))
        error->hide();
    const QList<FieldIssue> issues = FieldValidator::validate(m_definitions, values(), context);
    for (const FieldIssue& issue : issues) {
        if (QLabel* error = m_errors.value(issue.key)) {
            error->setText(issue.message);
            error->show();
        }
    }
    if (!issues.isEmpty()) {
        if (FieldEditor* first = m_editors.value(issues.first().key))
            first->setFocus();
    }
    return issues.isEmpty();
}

QString TicketForm::errorText(const QString& key) const
{
    const QLabel* error = m_errors.value(key);
    return error && !error->isHidden() ? error->text() : QString();
}

} // namespace gongdan
