#include "ui/settings/DispatchEditor.h"

#include "domain/Dispatch.h"
#include "storage/TeamDirectory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>

namespace gongdan {

DispatchEditor::DispatchEditor(const Workstation& workstation, QWidget* parent)
    : RecordListEditor(workstation, WorkflowRecords::kDispatchSetting, QStringLiteral("dispatch"), parent)
    , m_group(new QComboBox(m_form))
    , m_enabled(new QCheckBox(m_form))
    , m_strategy(new QComboBox(m_form))
    , m_capacity(new QSpinBox(m_form))
    , m_counts(new QListWidget(m_form))
    , m_acceptTimeout(new QSpinBox(m_form))
    , m_maxMisses(new QSpinBox(m_form))
    , m_overflowGroup(new QComboBox(m_form))
    , m_overflowAfter(new QSpinBox(m_form))
    , m_vipFallback(new QSpinBox(m_form))
    , m_skillFallback(new QSpinBox(m_form))
{
    setObjectName(QStringLiteral("dispatchEditor"));
    const QList<QPair<QWidget*, const char*>> names {{m_group, "dispatchGroup"}, {m_enabled, "dispatchEnabled"},
        {m_strategy, "dispatchStrategy"}, {m_capacity, "dispatchCapacity"}, {m_counts, "dispatchCounts"},
        {m_acceptTimeout, "dispatchAcceptTimeout"}, {m_maxMisses, "dispatchMaxMisses"},
        {m_overflowGroup, "dispatchOverflowGroup"}, {m_overflowAfter, "dispatchOverflowAfter"},
        {m_vipFallback, "dispatchVipFallback"}, {m_skillFallback, "dispatchSkillFallback"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));
    for (const char* strategy : {"least_loaded", "least_loaded_pct", "round_robin"})
        m_strategy->addItem(QString(), QLatin1String(strategy));
    m_capacity->setRange(1, 1000);
    m_acceptTimeout->setRange(1, 1440);
    m_maxMisses->setRange(1, 100);
    for (QSpinBox* minutes : {m_overflowAfter, m_vipFallback, m_skillFallback})
        minutes->setRange(0, 100000);
    for (TicketStatus status : EnumText<TicketStatus>::all()) {
        auto* item = new QListWidgetItem(EnumText<TicketStatus>::displayName(status), m_counts);
        item->setData(Qt::UserRole, EnumText<TicketStatus>::key(status));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    fitCounts();
    m_counts->setMinimumWidth(240);
    m_group->setMinimumWidth(240);
    m_strategy->setMinimumWidth(240);
    m_overflowGroup->setMinimumWidth(240);
    fillGroups();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    for (QWidget* editor : std::initializer_list<QWidget*> {m_group, m_enabled, m_strategy, m_capacity, m_counts,
             m_acceptTimeout, m_maxMisses, m_overflowGroup, m_overflowAfter, m_vipFallback, m_skillFallback}) {
        auto* label = new QLabel(m_form);
        label->setBuddy(editor);
        m_labels.append(label);
        form->addRow(label, editor);
    }
    m_formLayout->addLayout(form);
    m_formLayout->addStretch(1);
    retranslate();
    reload();
}

void DispatchEditor::fitCounts()
{
    int height = 2 * m_counts->frameWidth() + 4; // every status in sight, whatever the language's line height
    for (int i = 0; i < m_counts->count(); ++i)
        height += std::max(m_counts->sizeHintForRow(i), m_counts->fontMetrics().height() + 4);
    m_counts->setFixedHeight(height);
}

void DispatchEditor::fillGroups()
{
    // The team's groups as the directory has them now (a pull may have brought new ones).
    const QString group = m_group->currentData().toString();
    const QString overflow = m_overflowGroup->currentData().toString();
    const QSignalBlocker blockGroup(m_group);
    const QSignalBlocker blockOverflow(m_overflowGroup);
    m_group->clear();
    m_overflowGroup->clear();
    m_overflowGroup->addItem(tr("(none)"), QString());
    for (const QString& id : m_ws.directory.groupIds()) {
        m_group->addItem(groupName(id), id);
        m_overflowGroup->addItem(groupName(id), id);
    }
    m_group->setCurrentIndex(std::max(0, m_group->findData(group)));
    m_overflowGroup->setCurrentIndex(std::max(0, m_overflowGroup->findData(overflow)));
}

bool DispatchEditor::mayEdit(const QJsonObject& record) const
{
    const AgentSession& me = m_ws.session;
    return me.role == Role::Admin
        || (me.role == Role::Supervisor && me.groupIds.contains(record.value(QStringLiteral("group_id")).toString()));
}

bool DispatchEditor::mayCreate() const
{
    return m_ws.session.role == Role::Admin
        || (m_ws.session.role == Role::Supervisor && !m_ws.session.groupIds.isEmpty());
}

QString DispatchEditor::groupName(const QString& id) const
{
    return m_ws.directory.groupName(id, QLocale().language() == QLocale::Chinese);
}

QString DispatchEditor::titleOf(const QJsonObject& record) const
{
    const QString name = groupName(record.value(QStringLiteral("group_id")).toString());
    return record.value(QStringLiteral("enabled")).toBool(true) ? name : tr("%1 (off)").arg(name);
}

bool DispatchEditor::isNew() const
{
    const QString id = currentId();
    return std::none_of(records().cbegin(), records().cend(),
        [&id](const QJsonObject& r) { return r.value(QStringLiteral("id")).toString() == id; });
}

QJsonObject DispatchEditor::newRecordData() const
{
    // The first group that has no settings yet and that this user runs.
    QStringList taken;
    for (const QJsonObject& record : records())
        taken.append(record.value(QStringLiteral("group_id")).toString());
    QString group;
    for (const QString& id : m_ws.directory.groupIds()) {
        const bool mine = m_ws.session.role == Role::Admin || m_ws.session.groupIds.contains(id);
        if (mine && !taken.contains(id)) {
            group = id;
            break;
        }
    }
    QJsonObject out = DispatchSettings {}.toJson();
    out.insert(QStringLiteral("group_id"), group);
    return out;
}

void DispatchEditor::showRecord(const QJsonObject& record)
{
    auto parsed = DispatchSettings::fromJson(record);
    DispatchSettings settings = parsed ? parsed.value() : DispatchSettings {};
    m_kept = settings.toJson();
    m_group->setCurrentIndex(std::max(0, m_group->findData(record.value(QStringLiteral("group_id")).toString())));
    m_group->setEnabled(isNew());
    m_enabled->setChecked(settings.enabled);
    m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(m_kept.value(QStringLiteral("strategy")).toString())));
    m_capacity->setValue(settings.capacity);
    for (int i = 0; i < m_counts->count(); ++i) {
        const auto status = EnumText<TicketStatus>::fromKey(m_counts->item(i)->data(Qt::UserRole).toString());
        m_counts->item(i)->setCheckState(status && settings.counts(*status) ? Qt::Checked : Qt::Unchecked);
    }
    m_acceptTimeout->setValue(settings.acceptTimeoutMin);
    m_maxMisses->setValue(settings.maxMisses);
    m_overflowGroup->setCurrentIndex(std::max(0, m_overflowGroup->findData(settings.overflowGroupId)));
    m_overflowAfter->setValue(settings.overflowAfterMin);
    m_vipFallback->setValue(settings.vipFallbackMin);
    m_skillFallback->setValue(settings.skillFallbackMin);
}

Result<QJsonObject> DispatchEditor::collect() const
{
    QJsonObject json = m_kept;
    const QString group = m_group->currentData().toString();
    json.insert(QStringLiteral("group_id"), group);
    json.insert(QStringLiteral("enabled"), m_enabled->isChecked());
    json.insert(QStringLiteral("strategy"), m_strategy->currentData().toString());
    json.insert(QStringLiteral("capacity"), m_capacity->value());
    QJsonArray counts;
    for (int i = 0; i < m_counts->count(); ++i) {
        if (m_counts->item(i)->checkState() == Qt::Checked)
            counts.append(m_counts->item(i)->data(Qt::UserRole).toString());
    }
    json.insert(QStringLiteral("counts_toward_load"), counts);
    json.insert(QStringLiteral("accept_timeout_min"), m_acceptTimeout->value());
    json.insert(QStringLiteral("max_misses"), m_maxMisses->value());
    json.insert(QStringLiteral("overflow_group_id"), m_overflowGroup->currentData().toString());
    json.insert(QStringLiteral("overflow_after_min"), m_overflowAfter->value());
    json.insert(QStringLiteral("vip_fallback_min"), m_vipFallback->value());
    json.insert(QStringLiteral("skill_fallback_min"), m_skillFallback->value());
    if (!m_overflowGroup->currentData().toString().isEmpty() && m_overflowAfter->value() == 0)
        return Error {QStringLiteral("dispatch.invalid"), tr("Say after how many minutes tickets overflow."),
            QStringLiteral("overflow_after_min")};
    // The id: the record's own when it has one, else the group's (one record per group).
    json.insert(QStringLiteral("id"), isNew() ? group : currentId());
    auto settings = DispatchSettings::fromJson(json); // the server's own rules, checked here first
    if (!settings)
        return settings.error();
    return settings.value().toJson();
}

Status DispatchEditor::checkAgainst(const QJsonObject& record, const QList<QJsonObject>&) const
{
    // Against every record but the one in the form (a new one's id is the group's: it would look like that group's).
    const QString group = record.value(QStringLiteral("group_id")).toString();
    for (const QJsonObject& other : records()) {
        if (other.value(QStringLiteral("group_id")).toString() == group
            && other.value(QStringLiteral("id")).toString() != currentId())
            return Error {QStringLiteral("dispatch.group_taken"),
                tr("%1 has dispatch settings already: choose it in the list.").arg(groupName(group)),
                QStringLiteral("group_id")};
    }
    if (!mayEdit(record))
        return Error {QStringLiteral("access.denied"), tr("Supervisors change the settings of their own groups only."),
            QStringLiteral("group_id")};
    return {};
}

QString DispatchEditor::fieldLabel(const QString& field) const
{
    const QStringList fields {QStringLiteral("group_id"), QStringLiteral("enabled"), QStringLiteral("strategy"),
        QStringLiteral("capacity"), QStringLiteral("counts_toward_load"), QStringLiteral("accept_timeout_min"),
        QStringLiteral("max_misses"), QStringLiteral("overflow_group_id"), QStringLiteral("overflow_after_min"),
        QStringLiteral("vip_fallback_min"), QStringLiteral("skill_fallback_min")};
    const qsizetype index = fields.indexOf(field);
    return index >= 0 && index < m_labels.size() ? m_labels.at(index)->text().remove(QLatin1Char('&')) : field;
}

void DispatchEditor::retranslateForm()
{
    const QStringList texts {tr("&Group"), QString(), tr("&Strategy"), tr("&Capacity per agent"),
        tr("Statuses that count as load"), tr("Offer waits for 确认接收"), tr("Missed offers before 离开"),
        tr("&Overflow to group"), tr("Overflow after (0: never)"), tr("VIP waits for a senior agent"),
        tr("Required skills wait (0: always)")};
    for (int i = 0; i < texts.size() && i < m_labels.size(); ++i) {
        m_labels.at(i)->setText(texts.at(i));
        m_labels.at(i)->buddy()->setAccessibleName(QString(texts.at(i)).remove(QLatin1Char('&')));
    }
    m_enabled->setText(tr("&Dispatch this group's tickets automatically"));
    m_enabled->setAccessibleName(m_enabled->text().remove(QLatin1Char('&')));
    const QStringList strategies {
        tr("Least loaded (fewest open tickets)"), tr("Least loaded by share of capacity"), tr("Round robin")};
    for (int i = 0; i < strategies.size(); ++i)
        m_strategy->setItemText(i, strategies.at(i));
    fillGroups();
    for (QSpinBox* minutes : {m_overflowAfter, m_vipFallback, m_skillFallback, m_acceptTimeout})
        minutes->setSuffix(tr(" min"));
    for (int i = 0; i < m_counts->count(); ++i) {
        const auto status = EnumText<TicketStatus>::fromKey(m_counts->item(i)->data(Qt::UserRole).toString());
        if (status)
            m_counts->item(i)->setText(EnumText<TicketStatus>::displayName(*status));
    }
    fitCounts();
}

} // namespace gongdan
