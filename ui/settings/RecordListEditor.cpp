#include "ui/settings/RecordListEditor.h"

#include "storage/ChangeStream.h"
#include "storage/Database.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace gongdan {

RecordListEditor::RecordListEditor(
    const Workstation& workstation, const QString& kind, const QString& prefix, QWidget* parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_store(workstation.db)
    , m_form(new QWidget(this))
    , m_formLayout(new QVBoxLayout(m_form))
    , m_below(new QVBoxLayout)
    , m_listButtons(new QHBoxLayout)
    , m_list(new QListWidget(this))
    , m_kind(kind)
    , m_new(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_readOnly(new QLabel(this))
    , m_note(new QLabel(this))
{
    m_list->setObjectName(prefix + QStringLiteral("List"));
    m_new->setObjectName(prefix + QStringLiteral("New"));
    m_save->setObjectName(prefix + QStringLiteral("Save"));
    m_error->setObjectName(prefix + QStringLiteral("Error"));
    m_readOnly->setObjectName(prefix + QStringLiteral("ReadOnly"));
    m_note->setObjectName(prefix + QStringLiteral("Note"));
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_readOnly->setStyleSheet(QStringLiteral("color:#5f6368"));
    m_note->setStyleSheet(QStringLiteral("color:#2e7d32"));
    for (QLabel* label : {m_error, m_readOnly, m_note}) {
        label->setWordWrap(true);
        label->hide();
    }
    m_formLayout->setContentsMargins(0, 0, 0, 0);

    m_listButtons->insertWidget(0, m_new);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(m_listButtons);
    auto* right = new QVBoxLayout;
    right->addWidget(m_readOnly);
    right->addWidget(m_form, 1);
    right->addLayout(m_below);
    right->addWidget(m_error);
    right->addWidget(m_note);
    right->addWidget(m_save, 0, Qt::AlignRight);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 4);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_records.size())
            display(m_records.at(row));
    });
    connect(m_new, &QPushButton::clicked, this, &RecordListEditor::newRecord);
    connect(m_save, &QPushButton::clicked, this, &RecordListEditor::saveCurrent);
    connect(&m_ws.changes, &ChangeStream::changed, this, &RecordListEditor::teamChanged);
}

bool RecordListEditor::mayEdit(const QJsonObject&) const
{
    return m_ws.session.role == Role::Admin;
}

bool RecordListEditor::mayCreate() const
{
    return m_ws.session.role == Role::Admin;
}

void RecordListEditor::order(QList<QJsonObject>& records) const
{
    std::stable_sort(records.begin(), records.end(),
        [this](const QJsonObject& a, const QJsonObject& b) { return titleOf(a).localeAwareCompare(titleOf(b)) < 0; });
}

Status RecordListEditor::checkAgainst(const QJsonObject&, const QList<QJsonObject>&) const
{
    return {};
}

void RecordListEditor::retranslate()
{
    m_new->setText(tr("&New"));
    m_save->setText(tr("&Save"));
    m_readOnly->setText(m_kind == WorkflowRecords::kDispatchSetting
            ? tr("Only admins, and supervisors for their own groups, may change these settings. You can read them.")
            : tr("Only admins may change these settings. You can read them."));
    retranslateForm();
    const int row = m_list->currentRow();
    for (int i = 0; i < m_list->count() && i < m_records.size(); ++i)
        m_list->item(i)->setText(titleOf(m_records.at(i)));
    if (row >= 0)
        m_list->setCurrentRow(row);
}

void RecordListEditor::reload()
{
    QList<QJsonObject> records = m_store.list(m_kind);
    order(records);
    m_records = records;
    const QString selected = currentId();
    m_list->blockSignals(true);
    m_list->clear();
    int row = -1;
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        auto* item = new QListWidgetItem(titleOf(m_records.at(i)), m_list);
        const QString id = m_records.at(i).value(QStringLiteral("id")).toString();
        item->setData(Qt::UserRole, id);
        if (id == selected)
            row = int(i);
    }
    m_list->blockSignals(false);
    recordsReloaded();
    if (row >= 0) {
        m_list->blockSignals(true);
        m_list->setCurrentRow(row);
        m_list->blockSignals(false);
    }
    // A form with changes not saved yet stays as typed, and so does one the server refused (to be put right); an
    // unchanged one shows the record as it is now.
    const std::optional<Error> refused = m_current.isEmpty() ? std::nullopt : m_store.refusal(m_kind, currentId());
    const bool unchanged = !m_current.isEmpty() && !refused && typed() == m_current;
    if (row >= 0 && (unchanged || m_current.isEmpty()))
        display(m_records.at(row));
    else if (row < 0 && (m_current.isEmpty() || m_blank) && !m_records.isEmpty())
        m_list->setCurrentRow(0); // the first record rather than an empty form nobody asked for
    else if (m_current.isEmpty() && m_records.isEmpty()) {
        newRecord();
        m_blank = true;
    }
    if (refused)
        showError(*refused);
    updateEditable();
}

void RecordListEditor::selectRecord(const QString& id)
{
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).value(QStringLiteral("id")).toString() == id)
            m_list->setCurrentRow(int(i));
    }
}

void RecordListEditor::display(const QJsonObject& record)
{
    m_blank = false;
    m_current = record;
    m_error->hide();
    m_note->hide();
    showRecord(record);
    // What is shown is what the form gives back: a later reload tells an untouched form from an edited one.
    if (const QJsonObject shown = typed(); !shown.isEmpty())
        m_current = shown;
    updateEditable();
}

QJsonObject RecordListEditor::typed() const
{
    auto record = collect();
    if (!record)
        return {};
    QJsonObject out = record.value();
    if (!out.contains(QStringLiteral("id")))
        out.insert(QStringLiteral("id"), currentId());
    return out;
}

void RecordListEditor::newRecord()
{
    m_blank = false;
    QJsonObject record = newRecordData();
    record.insert(QStringLiteral("id"), m_ws.db.ids().next());
    m_list->blockSignals(true);
    m_list->setCurrentRow(-1);
    m_list->clearSelection();
    m_list->blockSignals(false);
    m_current = {};
    m_error->hide();
    m_note->hide();
    showRecord(record);
    m_current = {{QStringLiteral("id"), record.value(QStringLiteral("id"))}};
    updateEditable();
}

void RecordListEditor::updateEditable()
{
    const bool known = std::any_of(m_records.cbegin(), m_records.cend(), [this](const QJsonObject& r) {
        return r.value(QStringLiteral("id")) == m_current.value(QStringLiteral("id"));
    });
    const bool editable = known ? mayEdit(m_current) : mayCreate();
    m_form->setEnabled(editable);
    m_save->setEnabled(editable);
    m_new->setEnabled(mayCreate());
    m_readOnly->setVisible(!editable);
}

bool RecordListEditor::saveCurrent()
{
    m_note->hide();
    auto record = collect();
    if (!record) {
        showError(record.error());
        return false;
    }
    QJsonObject out = record.value();
    if (!out.contains(QStringLiteral("id")))
        out.insert(QStringLiteral("id"), currentId());
    if (!mayEdit(out))
        return false;
    QList<QJsonObject> others;
    for (const QJsonObject& other : std::as_const(m_records)) {
        if (other.value(QStringLiteral("id")) != out.value(QStringLiteral("id")))
            others.append(other);
    }
    if (Status checked = checkAgainst(out, others); !checked) {
        showError(checked.error());
        return false;
    }
    if (Status saved = m_store.save(m_kind, out); !saved) {
        showError(saved.error());
        return false;
    }
    m_current = out;
    m_error->hide();
    reload();
    selectRecord(currentId());
    showNote(tr("Saved. Every desk uses it as soon as the server has it."));
    Q_EMIT recordSaved(currentId());
    return true;
}

void RecordListEditor::showError(const Error& error)
{
    const QString where = error.field.isEmpty() ? QString() : fieldLabel(error.field);
    m_error->setText(where.isEmpty() ? error.message : tr("%1: %2").arg(where, error.message));
    m_error->show();
    m_note->hide();
}

void RecordListEditor::showNote(const QString& text)
{
    m_note->setText(text);
    m_note->show();
}

void RecordListEditor::teamChanged(const StoreChange& change)
{
    if (change.has(StoreChange::Kind::Team))
        reload();
}

} // namespace gongdan
