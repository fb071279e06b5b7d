#include "ui/settings/EscalationEditor.h"

#include "domain/Escalation.h"
#include "domain/TicketTypes.h"
#include "storage/TeamDirectory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace gongdan {

namespace {

const QStringList kRoles {
    QStringLiteral("assignee"), QStringLiteral("group_lead"), QStringLiteral("supervisor"), QStringLiteral("manager")};

template<typename T>
T* cell(const QTableWidget* table, int row, int column)
{
    return qobject_cast<T*>(table->cellWidget(row, column));
}

} // namespace

EscalationEditor::EscalationEditor(const Workstation& workstation, QWidget* parent)
    : RecordListEditor(workstation, WorkflowRecords::kEscalationRule, QStringLiteral("escalation"), parent)
    , m_name(new QLineEdit(m_form))
    , m_enabled(new QCheckBox(m_form))
    , m_metric(new QComboBox(m_form))
    , m_policy(new QComboBox(m_form))
    , m_levels(new QTableWidget(0, ColCount, m_form))
    , m_addLevel(new QPushButton(m_form))
    , m_removeLevel(new QPushButton(m_form))
    , m_nameLabel(new QLabel(m_form))
    , m_metricLabel(new QLabel(m_form))
    , m_policyLabel(new QLabel(m_form))
    , m_levelsLabel(new QLabel(m_form))
{
    setObjectName(QStringLiteral("escalationEditor"));
    const QList<QPair<QWidget*, const char*>> names {{m_name, "escalationName"}, {m_enabled, "escalationEnabled"},
        {m_metric, "escalationMetric"}, {m_policy, "escalationPolicy"}, {m_levels, "escalationLevels"},
        {m_addLevel, "escalationAddLevel"}, {m_removeLevel, "escalationRemoveLevel"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));
    m_nameLabel->setBuddy(m_name);
    m_metricLabel->setBuddy(m_metric);
    m_policyLabel->setBuddy(m_policy);
    m_levelsLabel->setBuddy(m_levels);
    m_levelsLabel->setWordWrap(true);
    for (const char* metric : {"first_response", "next_response", "resolution", "accept"})
        m_metric->addItem(QString(), QLatin1String(metric));
    m_levels->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_levels->horizontalHeader()->setSectionResizeMode(ColAudience, QHeaderView::Stretch);
    m_levels->horizontalHeader()->setSectionResizeMode(ColTag, QHeaderView::Interactive);
    m_levels->horizontalHeader()->resizeSection(ColTag, 90);
    m_levels->horizontalHeader()->setMinimumSectionSize(60);
    m_levels->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto* head = new QFormLayout;
    head->addRow(m_nameLabel, m_name);
    head->addRow(QString(), m_enabled);
    head->addRow(m_metricLabel, m_metric);
    head->addRow(m_policyLabel, m_policy);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addLevel);
    buttons->addWidget(m_removeLevel);
    buttons->addStretch(1);
    m_formLayout->addLayout(head);
    m_formLayout->addWidget(m_levelsLabel);
    m_formLayout->addWidget(m_levels, 1);
    m_formLayout->addLayout(buttons);

    connect(m_addLevel, &QPushButton::clicked, this, [this] {
        const int rows = m_levels->rowCount();
        const int offset = rows == 0 ? -15 : cell<QSpinBox>(m_levels, rows - 1, ColOffset)->value() + 30;
        addLevel(offset, {QStringLiteral("supervisor")});
    });
    connect(m_removeLevel, &QPushButton::clicked, this, [this] {
        if (m_levels->currentRow() >= 0)
            removeLevel(m_levels->currentRow());
    });
    retranslate();
    reload();
}

QJsonObject EscalationEditor::newRecordData() const
{
    return {{QStringLiteral("name"), QString()}, {QStringLiteral("metric"), QStringLiteral("resolution")},
        {QStringLiteral("levels"),
            QJsonArray {QJsonObject {{QStringLiteral("level"), 1}, {QStringLiteral("offset_min"), -15},
                            {QStringLiteral("audience"), QJsonArray {QStringLiteral("assignee")}}},
                QJsonObject {{QStringLiteral("level"), 2}, {QStringLiteral("offset_min"), 0},
                    {QStringLiteral("audience"), QJsonArray {QStringLiteral("assignee"), QStringLiteral("supervisor")}},
                    {QStringLiteral("actions"),
                        QJsonObject {{QStringLiteral("priority"), QStringLiteral("urgent")}}}}}}};
}

QString EscalationEditor::titleOf(const QJsonObject& record) const
{
    const QString name = record.value(QStringLiteral("name")).toString();
    const QString text = name.isEmpty() ? record.value(QStringLiteral("metric")).toString() : name;
    return record.value(QStringLiteral("enabled")).toBool(true) ? text : tr("%1 (off)").arg(text);
}

void EscalationEditor::recordsReloaded()
{
    fillPolicies(m_policy->currentData().toString());
}

void EscalationEditor::fillPolicies(const QString& selected)
{
    const QSignalBlocker blocker(m_policy);
    m_policy->clear();
    m_policy->addItem(tr("Any SLA policy"), QString());
    for (const QJsonObject& policy : m_store.list(WorkflowRecords::kSlaPolicy))
        m_policy->addItem(
            policy.value(QStringLiteral("name")).toString(), policy.value(QStringLiteral("id")).toString());
    m_policy->setCurrentIndex(std::max(0, m_policy->findData(selected)));
}

int EscalationEditor::addLevel(int offsetMinutes, const QStringList& audience)
{
    const int row = m_levels->rowCount();
    m_levels->insertRow(row);
    m_channels.append({QStringLiteral("in_app"), QStringLiteral("popup")});
    const QString n = QString::number(row);
    auto* offset = new QSpinBox(m_levels);
    offset->setRange(-100000, 100000);
    offset->setValue(offsetMinutes);
    offset->setObjectName(QStringLiteral("escalationOffset") + n);
    m_levels->setCellWidget(row, ColOffset, offset);
    auto* basis = new QComboBox(m_levels);
    basis->setObjectName(QStringLiteral("escalationBasis") + n);
    basis->addItem(QString(), QStringLiteral("calendar"));
    basis->addItem(QString(), QStringLiteral("business"));
    m_levels->setCellWidget(row, ColBasis, basis);
    auto* who = new QToolButton(m_levels);
    who->setObjectName(QStringLiteral("escalationAudience") + n);
    who->setPopupMode(QToolButton::InstantPopup);
    who->setToolButtonStyle(Qt::ToolButtonTextOnly);
    who->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* menu = new QMenu(who);
    for (const QString& role : kRoles)
        menu->addAction(QString())->setData(role);
    menu->addSeparator();
    for (const AgentEntry& agent : m_ws.directory.agents())
        menu->addAction(agent.name)->setData(QString(QStringLiteral("user:") + agent.id));
    for (QAction* action : menu->actions()) {
        action->setCheckable(!action->isSeparator());
        connect(action, &QAction::toggled, this, [this, who] {
            for (int r = 0; r < m_levels->rowCount(); ++r)
                if (m_levels->cellWidget(r, ColAudience) == who)
                    updateAudienceText(r);
        });
    }
    who->setMenu(menu);
    m_levels->setCellWidget(row, ColAudience, who);
    auto* priority = new QComboBox(m_levels);
    priority->setObjectName(QStringLiteral("escalationPriority") + n);
    priority->addItem(QString(), QString());
    for (Priority p : EnumText<Priority>::all())
        priority->addItem(EnumText<Priority>::displayName(p), EnumText<Priority>::key(p));
    m_levels->setCellWidget(row, ColPriority, priority);
    auto* tag = new QLineEdit(m_levels);
    tag->setObjectName(QStringLiteral("escalationTag") + n);
    m_levels->setCellWidget(row, ColTag, tag);
    auto* group = new QComboBox(m_levels);
    group->setObjectName(QStringLiteral("escalationGroup") + n);
    group->addItem(QString(), QString());
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (const QString& id : m_ws.directory.groupIds())
        group->addItem(m_ws.directory.groupName(id, chinese), id);
    m_levels->setCellWidget(row, ColGroup, group);
    auto* quiet = new QComboBox(m_levels);
    quiet->setObjectName(QStringLiteral("escalationQuiet") + n);
    quiet->addItem(QString(), QStringLiteral("always"));
    quiet->addItem(QString(), QStringLiteral("respect_calendar"));
    m_levels->setCellWidget(row, ColQuiet, quiet);
    auto* repeat = new QSpinBox(m_levels); // repeat_every_min: 0 (once) or 5 to 1440
    repeat->setObjectName(QStringLiteral("escalationRepeat") + n);
    repeat->setRange(0, EscalationLevel::kMaxRepeatMinutes);
    m_levels->setCellWidget(row, ColRepeat, repeat);
    retranslateRow(row);
    setAudience(row, audience);
    return row;
}

void EscalationEditor::retranslateRow(int row)
{
    auto* basis = cell<QComboBox>(m_levels, row, ColBasis);
    basis->setItemText(0, tr("calendar"));
    basis->setItemText(1, tr("business"));
    const QStringList roleNames {tr("Assignee"), tr("Group lead"), tr("Supervisors"), tr("Manager")};
    const QList<QAction*> actions = cell<QToolButton>(m_levels, row, ColAudience)->menu()->actions();
    for (int i = 0; i < roleNames.size() && i < actions.size(); ++i)
        actions.at(i)->setText(roleNames.at(i));
    auto* priority = cell<QComboBox>(m_levels, row, ColPriority);
    priority->setItemText(0, tr("(unchanged)"));
    for (int i = 1; i < priority->count(); ++i) {
        if (const auto p = EnumText<Priority>::fromKey(priority->itemData(i).toString()))
            priority->setItemText(i, EnumText<Priority>::displayName(*p));
    }
    auto* group = cell<QComboBox>(m_levels, row, ColGroup);
    group->setItemText(0, tr("(stays)"));
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (int i = 1; i < group->count(); ++i)
        group->setItemText(i, m_ws.directory.groupName(group->itemData(i).toString(), chinese));
    auto* quiet = cell<QComboBox>(m_levels, row, ColQuiet);
    quiet->setItemText(0, tr("Notify at once"));
    quiet->setItemText(1, tr("In working hours"));
    auto* repeat = cell<QSpinBox>(m_levels, row, ColRepeat);
    repeat->setSpecialValueText(tr("once"));
    repeat->setSuffix(tr(" min"));
    updateAudienceText(row);
}

void EscalationEditor::removeLevel(int row)
{
    for (int column = 0; column < ColCount; ++column) {
        if (QWidget* widget = m_levels->cellWidget(row, column))
            widget->setObjectName(QString()); // deleted later: not to be found by its row's name meanwhile
    }
    m_levels->removeRow(row);
    m_channels.removeAt(row);
    // The names follow the rows: escalationOffset0 is always the first level's.
    static const char* const prefixes[] {"escalationOffset", "escalationBasis", "escalationAudience",
        "escalationPriority", "escalationTag", "escalationGroup", "escalationQuiet", "escalationRepeat"};
    for (int r = row; r < m_levels->rowCount(); ++r) {
        for (int column = 0; column < ColCount; ++column) {
            if (QWidget* widget = m_levels->cellWidget(r, column))
                widget->setObjectName(QLatin1String(prefixes[column]) + QString::number(r));
        }
    }
}

QStringList EscalationEditor::audienceOf(int row) const
{
    QStringList keys;
    if (auto* who = cell<QToolButton>(m_levels, row, ColAudience)) {
        for (const QAction* action : who->menu()->actions())
            if (action->isChecked())
                keys.append(action->data().toString());
    }
    return keys;
}

void EscalationEditor::setAudience(int row, const QStringList& audience)
{
    auto* who = cell<QToolButton>(m_levels, row, ColAudience);
    for (QAction* action : who->menu()->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(audience.contains(action->data().toString()));
    }
    updateAudienceText(row);
}

void EscalationEditor::updateAudienceText(int row)
{
    auto* who = cell<QToolButton>(m_levels, row, ColAudience);
    QStringList names;
    for (const QAction* action : who->menu()->actions())
        if (action->isChecked())
            names.append(action->text());
    who->setText(names.isEmpty() ? tr("(nobody)") : names.join(QStringLiteral(", ")));
}

void EscalationEditor::showRecord(const QJsonObject& record)
{
    m_name->setText(record.value(QStringLiteral("name")).toString());
    m_enabled->setChecked(record.value(QStringLiteral("enabled")).toBool(true));
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(record.value(QStringLiteral("metric")).toString())));
    fillPolicies(record.value(QStringLiteral("policy_id")).toString());
    while (m_levels->rowCount() > 0)
        removeLevel(0);
    for (const QJsonValue& value : record.value(QStringLiteral("levels")).toArray()) {
        const QJsonObject level = value.toObject();
        QStringList audience;
        for (const QJsonValue& who : level.value(QStringLiteral("audience")).toArray())
            audience.append(who.toString());
        const int row = addLevel(level.value(QStringLiteral("offset_min")).toInt(), audience);
        if (level.contains(QStringLiteral("channels"))) {
            QStringList channels;
            for (const QJsonValue& channel : level.value(QStringLiteral("channels")).toArray())
                channels.append(channel.toString());
            m_channels[row] = channels;
        }
        auto* basis = cell<QComboBox>(m_levels, row, ColBasis);
        basis->setCurrentIndex(std::max(0, basis->findData(level.value(QStringLiteral("offset_basis")).toString())));
        const QJsonObject actions = level.value(QStringLiteral("actions")).toObject();
        auto* priority = cell<QComboBox>(m_levels, row, ColPriority);
        priority->setCurrentIndex(
            std::max(0, priority->findData(actions.value(QStringLiteral("priority")).toString())));
        cell<QLineEdit>(m_levels, row, ColTag)->setText(actions.value(QStringLiteral("add_tag")).toString());
        auto* group = cell<QComboBox>(m_levels, row, ColGroup);
        group->setCurrentIndex(std::max(0, group->findData(actions.value(QStringLiteral("group_id")).toString())));
        auto* quiet = cell<QComboBox>(m_levels, row, ColQuiet);
        quiet->setCurrentIndex(std::max(0, quiet->findData(level.value(QStringLiteral("quiet")).toString())));
        cell<QSpinBox>(m_levels, row, ColRepeat)->setValue(level.value(QStringLiteral("repeat_every_min")).toInt());
    }
}

Result<QJsonObject> EscalationEditor::collect() const
{
    QJsonArray levels;
    for (int row = 0; row < m_levels->rowCount(); ++row) {
        QJsonObject actions;
        if (const QString p = cell<QComboBox>(m_levels, row, ColPriority)->currentData().toString(); !p.isEmpty())
            actions.insert(QStringLiteral("priority"), p);
        if (const QString t = cell<QLineEdit>(m_levels, row, ColTag)->text().trimmed(); !t.isEmpty())
            actions.insert(QStringLiteral("add_tag"), t);
        if (const QString g = cell<QComboBox>(m_levels, row, ColGroup)->currentData().toString(); !g.isEmpty())
            actions.insert(QStringLiteral("group_id"), g);
        const QStringList audience = audienceOf(row);
        if (audience.isEmpty())
            return Error {QStringLiteral("escalation.invalid"), tr("Choose whom this level tells."),
                QStringLiteral("levels[%1].audience").arg(row)};
        QJsonObject level {{QStringLiteral("level"), row + 1},
            {QStringLiteral("offset_min"), cell<QSpinBox>(m_levels, row, ColOffset)->value()},
            {QStringLiteral("offset_basis"), cell<QComboBox>(m_levels, row, ColBasis)->currentData().toString()},
            {QStringLiteral("audience"), QJsonArray::fromStringList(audience)},
            {QStringLiteral("channels"), QJsonArray::fromStringList(m_channels.value(row))},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("quiet"), cell<QComboBox>(m_levels, row, ColQuiet)->currentData().toString()}};
        if (const int repeat = cell<QSpinBox>(m_levels, row, ColRepeat)->value(); repeat > 0)
            level.insert(QStringLiteral("repeat_every_min"), repeat);
        levels.append(level);
    }
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return Error {
            QStringLiteral("escalation.invalid"), tr("An escalation rule needs a name."), QStringLiteral("name")};
    const QJsonObject json {{QStringLiteral("name"), name}, {QStringLiteral("enabled"), m_enabled->isChecked()},
        {QStringLiteral("metric"), m_metric->currentData().toString()},
        {QStringLiteral("policy_id"), m_policy->currentData().toString()}, {QStringLiteral("levels"), levels}};
    auto rule = EscalationRule::fromJson(json); // the server's own rules, checked here first
    if (!rule)
        return rule.error();
    QJsonObject out = rule.value().toJson();
    out.remove(QStringLiteral("id"));
    out.insert(QStringLiteral("name"), name);
    out.insert(QStringLiteral("enabled"), m_enabled->isChecked());
    return out;
}

QString EscalationEditor::fieldLabel(const QString& field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("metric"))
        return tr("Clock");
    if (field == QLatin1String("policy_id"))
        return tr("SLA policy");
    static const QRegularExpression level(QStringLiteral("^levels\\[(\\d+)\\]\\.?(\\w*)"));
    const QRegularExpressionMatch match = level.match(field);
    if (!match.hasMatch())
        return field.startsWith(QLatin1String("levels")) ? tr("Levels") : field;
    const QString key = match.captured(2);
    const QString what = key == QLatin1String("audience") ? tr("whom to tell")
        : key == QLatin1String("actions")                 ? tr("actions")
        : key == QLatin1String("offset_basis")            ? tr("counted in")
        : key == QLatin1String("quiet")                   ? tr("quiet hours")
        : key == QLatin1String("repeat_every_min")        ? tr("repeat")
                                                          : QString();
    const int number = match.captured(1).toInt() + 1;
    return what.isEmpty() ? tr("Level %1").arg(number) : tr("Level %1, %2").arg(number).arg(what);
}

void EscalationEditor::retranslateForm()
{
    m_nameLabel->setText(tr("&Name"));
    m_name->setAccessibleName(tr("Name"));
    m_enabled->setText(tr("&Enabled"));
    m_metricLabel->setText(tr("&Clock"));
    m_metric->setAccessibleName(tr("Clock"));
    const QStringList metrics {
        tr("First response"), tr("Next response"), tr("Resolution"), tr("Acceptance of a dispatch offer (确认接收)")};
    for (int i = 0; i < metrics.size(); ++i)
        m_metric->setItemText(i, metrics.at(i));
    m_policyLabel->setText(tr("SLA &policy"));
    m_policy->setAccessibleName(tr("SLA policy"));
    if (m_policy->count() > 0)
        m_policy->setItemText(0, tr("Any SLA policy"));
    m_levelsLabel->setText(tr("Levels: minutes relative to the due time (−15: a warning before it, 0: the breach, "
                              "+30: later), in calendar or business minutes. Actions run at once; a notice \"in "
                              "working hours\" waits for the calendar to open."));
    m_levels->setHorizontalHeaderLabels({tr("Minutes"), tr("Minutes of"), tr("Tell"), tr("Priority to"), tr("Add tag"),
        tr("Move to"), tr("Notice"), tr("Repeat every")});
    m_levels->setAccessibleName(tr("Levels"));
    m_addLevel->setText(tr("Add &level"));
    m_removeLevel->setText(tr("&Remove level"));
    for (int row = 0; row < m_levels->rowCount(); ++row)
        retranslateRow(row);
}

} // namespace gongdan
