#include "ui/views/ViewEditorDialog.h"

#include "storage/FieldDefinitionRepository.h"
#include "storage/ViewRepository.h"
#include "ui/views/ConditionRow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace gongdan {

ViewEditorDialog::ViewEditorDialog(
    const Workstation& workstation, TicketView view, const QList<Column>& columns, QWidget* parent)
    : QDialog(parent)
    , m_ws(workstation)
    , m_view(std::move(view))
    , m_catalog(std::make_unique<FieldCatalog>(
          workstation.directory, workstation.fields.definitions(), QLocale().language() == QLocale::Chinese))
    , m_nameZh(new QLineEdit(this))
    , m_nameEn(new QLineEdit(this))
    , m_all(new QRadioButton(tr("All conditions (and)"), this))
    , m_any(new QRadioButton(tr("Any condition (or)"), this))
    , m_conditions(new QVBoxLayout)
    , m_add(new QPushButton(tr("&Add condition"), this))
    , m_columns(new QListWidget(this))
    , m_sort(new QComboBox(this))
    , m_descending(new QCheckBox(tr("&Newest / largest first"), this))
    , m_shared(new QCheckBox(tr("S&hared"), this))
    , m_shareWith(new QComboBox(this))
    , m_enabled(new QCheckBox(tr("&Enabled"), this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_delete(new QPushButton(tr("&Delete view"), this))
{
    setObjectName(QStringLiteral("viewEditor"));
    setWindowTitle(m_view.id.isEmpty() ? tr("New view") : tr("Edit view “%1”").arg(m_view.nameZh));
    setAttribute(Qt::WA_DeleteOnClose);
    m_nameZh->setObjectName(QStringLiteral("viewNameZh"));
    m_nameEn->setObjectName(QStringLiteral("viewNameEn"));
    m_all->setObjectName(QStringLiteral("viewMatchAll"));
    m_any->setObjectName(QStringLiteral("viewMatchAny"));
    m_add->setObjectName(QStringLiteral("viewAddCondition"));
    m_columns->setObjectName(QStringLiteral("viewColumns"));
    m_sort->setObjectName(QStringLiteral("viewSortField"));
    m_descending->setObjectName(QStringLiteral("viewSortDescending"));
    m_shared->setObjectName(QStringLiteral("viewShared"));
    m_shareWith->setObjectName(QStringLiteral("viewShareWith"));
    m_shareWith->setAccessibleName(tr("Share with"));
    m_enabled->setObjectName(QStringLiteral("viewEnabled"));
    m_error->setObjectName(QStringLiteral("viewError"));
    m_save->setObjectName(QStringLiteral("viewSave"));
    m_delete->setObjectName(QStringLiteral("viewDelete"));
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* names = new QFormLayout;
    names->addRow(tr("Name (&Chinese)"), m_nameZh);
    names->addRow(tr("Name (E&nglish)"), m_nameEn);
    auto* conditionsBox = new QGroupBox(tr("Conditions"), this);
    auto* conditionsLayout = new QVBoxLayout(conditionsBox);
    auto* match = new QHBoxLayout;
    match->addWidget(new QLabel(tr("Show tickets matching:"), this));
    match->addWidget(m_all);
    match->addWidget(m_any);
    match->addStretch(1);
    conditionsLayout->addLayout(match);
    conditionsLayout->addLayout(m_conditions);
    conditionsLayout->addWidget(m_add, 0, Qt::AlignLeft);
    auto* shape = new QFormLayout;
    shape->addRow(tr("Co&lumns"), m_columns);
    shape->addRow(tr("S&ort by"), m_sort);
    shape->addRow(QString(), m_descending);
    auto* sharing = new QHBoxLayout;
    sharing->addWidget(m_shared);
    sharing->addWidget(m_shareWith, 1);
    shape->addRow(QString(), sharing);
    shape->addRow(QString(), m_enabled);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("viewCancel"));
    buttons->addButton(m_delete, QDialogButtonBox::DestructiveRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(names);
    layout->addWidget(conditionsBox);
    layout->addLayout(shape);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_nameZh->setText(m_view.nameZh);
    m_nameEn->setText(m_view.nameEn);
    (m_view.match == MatchMode::Any ? m_any : m_all)->setChecked(true);
    for (const ViewCondition& condition : m_view.conditions)
        addCondition()->setCondition(condition);
    if (m_view.conditions.isEmpty())
        addCondition();
    for (const Column& column : columns) {
        auto* item = new QListWidgetItem(column.label, m_columns);
        item->setData(Qt::UserRole, column.field);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(
            m_view.columns.isEmpty() || m_view.columns.contains(column.field) ? Qt::Checked : Qt::Unchecked);
        m_sort->addItem(column.label, column.field);
    }
    m_columns->setMaximumHeight(m_columns->sizeHintForRow(0) * 6 + 8);
    m_sort->setCurrentIndex(std::max(0, m_sort->findData(m_view.sortField)));
    m_descending->setChecked(m_view.sortDescending);
    m_shared->setChecked(m_view.ownerId.isEmpty() && !m_view.id.isEmpty());
    m_shared->setEnabled(canShare());
    if (!canShare())
        m_shared->setToolTip(tr("Only supervisors and administrators share views with the team."));
    const bool chinese = QLocale().language() == QLocale::Chinese;
    m_shareWith->addItem(tr("with the whole team"), QString());
    for (const QString& group : workstation.directory.groupIds())
        m_shareWith->addItem(tr("with %1").arg(workstation.directory.groupName(group, chinese)), group);
    if (!m_view.sharedGroupIds.isEmpty())
        m_shareWith->setCurrentIndex(std::max(0, m_shareWith->findData(m_view.sharedGroupIds.first())));
    m_shareWith->setEnabled(canShare() && m_shared->isChecked());
    connect(m_shared, &QCheckBox::toggled, this, [this](bool on) { m_shareWith->setEnabled(canShare() && on); });
    if (const QString refusal = ViewRepository(m_ws.db).refusal(m_view.id); !refusal.isEmpty())
        showError(tr("The team server did not accept the last change: %1").arg(refusal));
    m_enabled->setChecked(m_view.enabled);
    m_delete->setVisible(!m_view.id.isEmpty());

    connect(m_add, &QPushButton::clicked, this, [this] { addCondition()->setFocus(); });
    connect(m_save, &QPushButton::clicked, this, &ViewEditorDialog::saveView);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &ViewEditorDialog::deleteView);
    resize(720, 560);
}

ViewEditorDialog::~ViewEditorDialog() = default;

bool ViewEditorDialog::canShare() const
{
    return access::maySuperviseFloor(m_ws.session.principal());
}

ConditionRow* ViewEditorDialog::addCondition()
{
    auto* row = new ConditionRow(*m_catalog, m_nextRow++, this);
    connect(row, &ConditionRow::removeRequested, this, [this, row] { removeCondition(row); });
    m_conditions->addWidget(row);
    row->show(); // at once, not when the layout gets round to it: the dialog may be open already
    m_rows.append(row);
    return row;
}

void ViewEditorDialog::removeCondition(ConditionRow* row)
{
    m_rows.removeOne(row);
    row->deleteLater();
    m_add->setFocus();
}

void ViewEditorDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

bool ViewEditorDialog::saveView()
{
    TicketView view = m_view;
    view.nameZh = m_nameZh->text().trimmed();
    view.nameEn = m_nameEn->text().trimmed();
    view.match = m_any->isChecked() ? MatchMode::Any : MatchMode::All;
    view.conditions.clear();
    for (ConditionRow* row : std::as_const(m_rows)) {
        auto condition = row->condition();
        if (!condition) {
            showError(condition.error().message);
            row->setFocus();
            return false;
        }
        view.conditions.append(condition.value());
    }
    view.columns.clear();
    for (int i = 0; i < m_columns->count(); ++i) {
        if (m_columns->item(i)->checkState() == Qt::Checked)
            view.columns.append(m_columns->item(i)->data(Qt::UserRole).toString());
    }
    if (view.columns.isEmpty()) {
        showError(tr("Choose at least one column to show."));
        m_columns->setFocus();
        return false;
    }
    if (view.columns.size() == m_columns->count())
        view.columns.clear(); // all of them: the default columns, including ones added later
    view.sortField = m_sort->currentData().toString();
    view.sortDescending = m_descending->isChecked();
    view.ownerId = canShare() && m_shared->isChecked() ? QString() : m_ws.session.agentId;
    view.sharedGroupIds.clear();
    if (view.ownerId.isEmpty() && !m_shareWith->currentData().toString().isEmpty())
        view.sharedGroupIds = {m_shareWith->currentData().toString()};
    view.enabled = m_enabled->isChecked();
    auto saved = ViewRepository(m_ws.db).save(view, m_ws.fields.definitions());
    if (!saved) {
        showError(saved.error().message);
        if (saved.error().field == QLatin1String("name"))
            m_nameZh->setFocus();
        return false;
    }
    m_view = saved.value();
    Q_EMIT viewSaved(m_view.id);
    accept();
    return true;
}

void ViewEditorDialog::deleteView()
{
    if (!m_deleteArmed) {
        // A second press confirms: no box on top of the box.
        m_deleteArmed = true;
        m_delete->setText(tr("Press again to delete"));
        showError(tr("Deleting “%1” removes it for everyone who sees it.").arg(m_view.name(true)));
        return;
    }
    if (Status removed = ViewRepository(m_ws.db).remove(m_view.id); !removed) {
        showError(removed.error().message);
        return;
    }
    Q_EMIT viewDeleted(m_view.id);
    accept();
}

} // namespace gongdan
