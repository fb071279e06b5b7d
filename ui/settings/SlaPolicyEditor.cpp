#include "ui/settings/SlaPolicyEditor.h"

#include "domain/BusinessCalendar.h"
#include "domain/SlaPolicy.h"
#include "models/FieldCatalog.h"
#include "storage/FieldDefinitionRepository.h"
#include "ui/views/ConditionRow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <iterator>

namespace gongdan {

namespace {

const SlaMetric kMetrics[] {
    SlaMetric::FirstResponse, SlaMetric::NextResponse, SlaMetric::Resolution, SlaMetric::Accept};
constexpr int kMetricCount = int(std::size(kMetrics));

QSpinBox* targetBox(const QTableWidget* table, int row, int column)
{
    return qobject_cast<QSpinBox*>(table->cellWidget(row, column));
}

} // namespace

SlaPolicyEditor::SlaPolicyEditor(const Workstation& workstation, QWidget* parent)
    : RecordListEditor(workstation, WorkflowRecords::kSlaPolicy, QStringLiteral("sla"), parent)
    , m_catalog(std::make_unique<FieldCatalog>(
          workstation.directory, workstation.fields.definitions(), QLocale().language() == QLocale::Chinese))
    , m_name(new QLineEdit(m_form))
    , m_enabled(new QCheckBox(m_form))
    , m_all(new QRadioButton(m_form))
    , m_any(new QRadioButton(m_form))
    , m_conditions(new QVBoxLayout)
    , m_addCondition(new QPushButton(m_form))
    , m_calendar(new QComboBox(m_form))
    , m_targets(new QTableWidget(int(EnumText<Priority>::all().size()), kMetricCount, m_form))
    , m_warnPercent(new QSpinBox(m_form))
    , m_warnMinutes(new QSpinBox(m_form))
    , m_pauseFirst(new QCheckBox(m_form))
    , m_statuses(new QTableWidget(int(EnumText<TicketStatus>::all().size()), 1, m_form))
    , m_up(new QPushButton(this))
    , m_down(new QPushButton(this))
    , m_conditionBox(new QGroupBox(m_form))
    , m_targetBox(new QGroupBox(m_form))
    , m_statusBox(new QGroupBox(m_form))
    , m_noConditions(new QLabel(m_form))
    , m_statusNote(new QLabel(m_form))
    , m_nameLabel(new QLabel(m_form))
    , m_calendarLabel(new QLabel(m_form))
    , m_warnLabel(new QLabel(m_form))
    , m_warnMinutesLabel(new QLabel(m_form))
{
    setObjectName(QStringLiteral("slaPolicyEditor"));
    const QList<QPair<QWidget*, const char*>> names {{m_name, "slaName"}, {m_enabled, "slaEnabled"},
        {m_all, "slaMatchAll"}, {m_any, "slaMatchAny"}, {m_addCondition, "slaAddCondition"},
        {m_calendar, "slaCalendar"}, {m_targets, "slaTargets"}, {m_warnPercent, "slaWarnPercent"},
        {m_warnMinutes, "slaWarnMinutes"}, {m_pauseFirst, "slaPauseFirstResponse"}, {m_statuses, "slaStatuses"},
        {m_up, "slaUp"}, {m_down, "slaDown"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));
    m_nameLabel->setBuddy(m_name);
    m_calendarLabel->setBuddy(m_calendar);
    m_warnLabel->setBuddy(m_warnPercent);
    m_warnMinutesLabel->setBuddy(m_warnMinutes);
    m_warnPercent->setRange(1, 100);
    m_warnPercent->setSuffix(QStringLiteral(" %"));
    m_warnMinutes->setRange(0, 100000);
    const QList<Priority> priorities = EnumText<Priority>::all();
    for (int row = 0; row < priorities.size(); ++row) {
        for (int column = 0; column < kMetricCount; ++column) {
            auto* box = new QSpinBox(m_targets);
            box->setRange(0, 10000000);
            box->setObjectName(
                QStringLiteral("slaTarget.%1.%2")
                    .arg(EnumText<Priority>::key(priorities.at(row)), SlaPolicy::metricKey(kMetrics[column])));
            m_targets->setCellWidget(row, column, box);
        }
    }
    // The open statuses run or pause the clocks as the policy says; closed, spam and merged always stop them.
    const QList<TicketStatus> allStatuses = EnumText<TicketStatus>::all();
    for (int row = 0; row < allStatuses.size(); ++row) {
        if (SlaPolicy::behaviorSettable(allStatuses.at(row))) {
            auto* behavior = new QComboBox(m_statuses);
            behavior->setObjectName(QStringLiteral("slaStatus.") + EnumText<TicketStatus>::key(allStatuses.at(row)));
            behavior->addItem(QString(), SlaPolicy::behaviorKey(SlaBehavior::Run));
            behavior->addItem(QString(), SlaPolicy::behaviorKey(SlaBehavior::Pause));
            m_statuses->setCellWidget(row, 0, behavior);
        } else {
            m_statuses->setItem(row, 0, new QTableWidgetItem);
        }
    }
    m_statuses->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_statuses->setSelectionMode(QAbstractItemView::NoSelection);
    m_statuses->setFocusPolicy(Qt::NoFocus);
    // Both tables as tall as their rows: no scrolling, no empty space below.
    for (QTableWidget* table : {m_targets, m_statuses}) {
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        table->setFixedHeight(table->verticalHeader()->defaultSectionSize() * table->rowCount()
            + table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth());
    }
    m_noConditions->setObjectName(QStringLiteral("slaNoConditions"));
    m_noConditions->setStyleSheet(QStringLiteral("color:#5f6368"));
    m_statusNote->setWordWrap(true);
    m_statusNote->setStyleSheet(QStringLiteral("color:#5f6368"));

    auto* head = new QFormLayout;
    head->addRow(m_nameLabel, m_name);
    head->addRow(QString(), m_enabled);
    head->addRow(m_calendarLabel, m_calendar);
    auto* conditions = new QVBoxLayout(m_conditionBox);
    auto* mode = new QHBoxLayout;
    mode->addWidget(m_all);
    mode->addWidget(m_any);
    mode->addStretch(1);
    mode->addWidget(m_addCondition);
    conditions->addLayout(mode);
    conditions->addWidget(m_noConditions);
    conditions->addLayout(m_conditions);
    auto* targets = new QVBoxLayout(m_targetBox);
    targets->addWidget(m_targets);
    auto* warn = new QFormLayout;
    warn->addRow(m_warnLabel, m_warnPercent);
    warn->addRow(m_warnMinutesLabel, m_warnMinutes);
    targets->addLayout(warn);
    targets->addStretch(1);
    auto* statuses = new QVBoxLayout(m_statusBox);
    statuses->addWidget(m_statuses);
    statuses->addWidget(m_pauseFirst);
    statuses->addWidget(m_statusNote);
    statuses->addStretch(1);
    auto* columns = new QHBoxLayout;
    columns->addWidget(m_targetBox, 3);
    columns->addWidget(m_statusBox, 2);
    m_formLayout->addLayout(head);
    m_formLayout->addWidget(m_conditionBox);
    m_formLayout->addLayout(columns, 1);
    m_listButtons->addWidget(m_up);
    m_listButtons->addWidget(m_down);

    connect(m_addCondition, &QPushButton::clicked, this, &SlaPolicyEditor::addCondition);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });
    connect(m_pauseFirst, &QCheckBox::toggled, this, &SlaPolicyEditor::retranslateForm);
    retranslate();
    reload();
}

SlaPolicyEditor::~SlaPolicyEditor() = default;

QJsonObject SlaPolicyEditor::newRecordData() const
{
    int last = 0;
    for (const QJsonObject& policy : records())
        last = std::max(last, policy.value(QStringLiteral("position")).toInt());
    QJsonObject targets;
    for (Priority priority : EnumText<Priority>::all()) {
        const PriorityTraits traits = priorityTraits(priority);
        targets.insert(EnumText<Priority>::key(priority),
            QJsonObject {{QStringLiteral("first_response"), traits.responseHours * 60},
                {QStringLiteral("next_response"), traits.responseHours * 60},
                {QStringLiteral("resolution"), traits.resolutionHours * 60}});
    }
    return {{QStringLiteral("name"), QString()}, {QStringLiteral("position"), last + 1},
        {QStringLiteral("targets"), targets}};
}

QString SlaPolicyEditor::titleOf(const QJsonObject& record) const
{
    const QString name = record.value(QStringLiteral("name")).toString();
    return record.value(QStringLiteral("enabled")).toBool(true) ? name : tr("%1 (off)").arg(name);
}

void SlaPolicyEditor::order(QList<QJsonObject>& records) const
{
    std::stable_sort(records.begin(), records.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(QStringLiteral("position")).toInt() < b.value(QStringLiteral("position")).toInt();
    });
}

void SlaPolicyEditor::recordsReloaded()
{
    fillCalendars(m_calendar->currentData().toString());
}

void SlaPolicyEditor::fillCalendars(const QString& selected)
{
    const QSignalBlocker blocker(m_calendar);
    m_calendar->clear();
    m_calendar->addItem(tr("Around the clock (24/7)"), QString());
    for (const QJsonObject& calendar : m_store.list(WorkflowRecords::kCalendar))
        m_calendar->addItem(
            calendar.value(QStringLiteral("name")).toString(), calendar.value(QStringLiteral("id")).toString());
    m_calendar->setCurrentIndex(std::max(0, m_calendar->findData(selected)));
}

ConditionRow* SlaPolicyEditor::addCondition()
{
    auto* row = new ConditionRow(*m_catalog, m_nextRow++, m_conditionBox);
    connect(row, &ConditionRow::removeRequested, this, [this, row] { removeCondition(row); });
    m_conditions->addWidget(row);
    row->show();
    m_rows.append(row);
    m_noConditions->hide();
    return row;
}

void SlaPolicyEditor::removeCondition(ConditionRow* row)
{
    m_rows.removeOne(row);
    row->deleteLater();
    m_noConditions->setVisible(m_rows.isEmpty());
}

void SlaPolicyEditor::showRecord(const QJsonObject& record)
{
    auto parsed = SlaPolicy::fromJson(record);
    SlaPolicy policy = parsed ? parsed.value() : SlaPolicy {};
    if (!parsed) { // a new one: its defaults, and no name yet
        policy.position = record.value(QStringLiteral("position")).toInt();
        QJsonObject named = record;
        named.insert(QStringLiteral("name"), QStringLiteral("-"));
        if (auto defaults = SlaPolicy::fromJson(named))
            policy.targets = defaults.value().targets;
        policy.name.clear();
    }
    m_position = policy.position;
    m_name->setText(policy.name);
    m_enabled->setChecked(policy.enabled);
    (policy.match == MatchMode::Any ? m_any : m_all)->setChecked(true);
    for (ConditionRow* row : std::as_const(m_rows))
        delete row;
    m_rows.clear();
    for (const ViewCondition& condition : policy.conditions)
        addCondition()->setCondition(condition);
    m_noConditions->setVisible(m_rows.isEmpty());
    fillCalendars(policy.calendarId);
    const QList<Priority> priorities = EnumText<Priority>::all();
    for (int row = 0; row < priorities.size(); ++row) {
        const SlaTargets targets = policy.targetsFor(priorities.at(row));
        for (int column = 0; column < kMetricCount; ++column)
            targetBox(m_targets, row, column)->setValue(targets.minutes(kMetrics[column]));
    }
    m_warnPercent->setValue(policy.warnPercent);
    m_warnMinutes->setValue(policy.warnMinutesBefore);
    m_pauseFirst->setChecked(policy.pauseFirstResponse);
    const QList<TicketStatus> statuses = EnumText<TicketStatus>::all();
    for (int row = 0; row < statuses.size(); ++row) {
        if (auto* behavior = qobject_cast<QComboBox*>(m_statuses->cellWidget(row, 0)))
            behavior->setCurrentIndex(
                std::max(0, behavior->findData(SlaPolicy::behaviorKey(policy.behaviorOf(statuses.at(row))))));
    }
}

Result<QJsonObject> SlaPolicyEditor::collect() const
{
    SlaPolicy policy;
    policy.name = m_name->text().trimmed();
    policy.position = m_position;
    policy.enabled = m_enabled->isChecked();
    policy.match = m_any->isChecked() ? MatchMode::Any : MatchMode::All;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        auto condition = m_rows.at(i)->condition();
        if (!condition)
            return Error {condition.error().code, condition.error().message,
                QStringLiteral("match.%1[%2].value")
                    .arg(policy.match == MatchMode::Any ? QLatin1String("any") : QLatin1String("all"))
                    .arg(i)};
        policy.conditions.append(condition.value());
    }
    policy.calendarId = m_calendar->currentData().toString();
    const QList<Priority> priorities = EnumText<Priority>::all();
    for (int row = 0; row < priorities.size(); ++row)
        policy.targets.insert(priorities.at(row),
            {targetBox(m_targets, row, 0)->value(), targetBox(m_targets, row, 1)->value(),
                targetBox(m_targets, row, 2)->value(), targetBox(m_targets, row, 3)->value()});
    policy.warnPercent = m_warnPercent->value();
    policy.warnMinutesBefore = m_warnMinutes->value();
    policy.pauseFirstResponse = m_pauseFirst->isChecked();
    const QList<TicketStatus> statuses = EnumText<TicketStatus>::all();
    for (int row = 0; row < statuses.size(); ++row) {
        const auto* behavior = qobject_cast<QComboBox*>(m_statuses->cellWidget(row, 0));
        if (!behavior)
            continue;
        const SlaBehavior chosen
            = behavior->currentData().toString() == QLatin1String("pause") ? SlaBehavior::Pause : SlaBehavior::Run;
        if (chosen != SlaPolicy::defaultBehavior(statuses.at(row)))
            policy.statusBehavior.insert(statuses.at(row), chosen); // only where the team differs from the rules
    }
    // The server's own rules, here first: a refusal names the field before anything is queued.
    auto checked = SlaPolicy::fromJson(policy.toJson());
    if (!checked)
        return checked.error();
    QJsonObject json = checked.value().toJson();
    json.remove(QStringLiteral("version"));
    json.remove(QStringLiteral("id"));
    return json;
}

QString SlaPolicyEditor::fieldLabel(const QString& field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("calendar_id"))
        return tr("Calendar");
    if (field.startsWith(QLatin1String("match"))) {
        static const QRegularExpression index(QStringLiteral("\\[(\\d+)\\]"));
        const QRegularExpressionMatch match = index.match(field);
        return match.hasMatch() ? tr("Condition %1").arg(match.captured(1).toInt() + 1) : tr("Conditions");
    }
    if (field.startsWith(QLatin1String("targets")))
        return tr("Targets");
    if (field.startsWith(QLatin1String("warn")))
        return tr("Warning");
    if (field.startsWith(QLatin1String("status_behavior")))
        return tr("What each status does to the clocks");
    return field;
}

bool SlaPolicyEditor::move(int step)
{
    const int row = m_list->currentRow();
    const int other = row + step;
    if (row < 0 || other < 0 || other >= records().size() || !mayEdit(current()))
        return false;
    QJsonObject a = records().at(row);
    QJsonObject b = records().at(other);
    int first = a.value(QStringLiteral("position")).toInt();
    int second = b.value(QStringLiteral("position")).toInt();
    if (first == second)
        second = first + step; // equal positions: make the order explicit
    a.insert(QStringLiteral("position"), second);
    b.insert(QStringLiteral("position"), first);
    for (const QJsonObject& policy : {a, b}) {
        if (Status saved = m_store.save(WorkflowRecords::kSlaPolicy, policy); !saved) {
            showError(saved.error());
            return false;
        }
    }
    reload();
    selectRecord(a.value(QStringLiteral("id")).toString());
    return true;
}

void SlaPolicyEditor::retranslateForm()
{
    m_nameLabel->setText(tr("&Name"));
    m_name->setAccessibleName(tr("Name"));
    m_enabled->setText(tr("&Enabled"));
    m_calendarLabel->setText(tr("&Calendar"));
    m_calendar->setAccessibleName(tr("Calendar"));
    if (m_calendar->count() > 0)
        m_calendar->setItemText(0, tr("Around the clock (24/7)"));
    m_conditionBox->setTitle(tr("Applies to tickets that match (the first enabled policy in the list wins)"));
    m_all->setText(tr("All conditions (and)"));
    m_any->setText(tr("Any condition (or)"));
    m_addCondition->setText(tr("&Add condition"));
    for (ConditionRow* row : std::as_const(m_rows))
        row->retranslate();
    m_targetBox->setTitle(tr("Targets in business minutes (0: no clock)"));
    m_targets->setHorizontalHeaderLabels(
        {tr("First response"), tr("Next response"), tr("Resolution"), tr("Accept within")});
    QStringList priorities;
    for (Priority priority : EnumText<Priority>::all())
        priorities.append(EnumText<Priority>::displayName(priority));
    m_targets->setVerticalHeaderLabels(priorities);
    m_targets->setAccessibleName(tr("Targets"));
    m_warnLabel->setText(tr("&Yellow from"));
    m_warnPercent->setAccessibleName(tr("Yellow from this share of the target"));
    m_warnMinutesLabel->setText(tr("… or minutes before due"));
    m_warnMinutes->setAccessibleName(tr("Yellow from this many minutes before the due time"));
    m_statusBox->setTitle(tr("What each status does to the clocks"));
    m_statuses->setHorizontalHeaderLabels({tr("Clocks")});
    const QList<TicketStatus> statuses = EnumText<TicketStatus>::all();
    QStringList statusNames;
    for (int row = 0; row < statuses.size(); ++row) {
        statusNames.append(EnumText<TicketStatus>::displayName(statuses.at(row)));
        if (auto* behavior = qobject_cast<QComboBox*>(m_statuses->cellWidget(row, 0))) {
            behavior->setItemText(0, tr("Run"));
            behavior->setItemText(
                1, m_pauseFirst->isChecked() ? tr("Pause") : tr("Pause (the first response runs on)"));
        } else if (auto* item = m_statuses->item(row, 0)) {
            item->setText(tr("Stop"));
        }
    }
    m_statuses->setVerticalHeaderLabels(statusNames);
    m_pauseFirst->setText(tr("The first response pauses too"));
    m_noConditions->setText(tr("No conditions: the policy applies to every ticket."));
    m_statusNote->setText(tr("Paused clocks add no time; closed, spam and merged tickets stop them, and the "
                             "resolution clock resumes when a ticket is reopened."));
    m_up->setText(tr("Move &up"));
    m_down->setText(tr("Move &down"));
}

} // namespace gongdan
