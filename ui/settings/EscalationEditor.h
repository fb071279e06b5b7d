#pragma once

#include "ui/settings/RecordListEditor.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTableWidget;

namespace gongdan {

/// The admin's editor of escalation chains (workflows.md §9.2): the clock it watches (first response, next response,
/// resolution, or 确认接收 of a dispatch offer), the SLA policy it is for (or any), and its levels — minutes before
/// (−) or after the due time, counted in business or calendar minutes, whom each tells, what it does (raise the
/// priority, add a tag, move to a group), and whether its notification waits for the calendar's working hours.
class EscalationEditor : public RecordListEditor {
    Q_OBJECT

public:
    /// The columns of the levels table.
    enum Column { ColOffset, ColBasis, ColAudience, ColPriority, ColTag, ColGroup, ColQuiet, ColRepeat, ColCount };

    explicit EscalationEditor(const Workstation& workstation, QWidget* parent = nullptr);

    /// Adds a level row (offset in minutes, whom to tell) and returns its row.
    int addLevel(int offsetMinutes = 0, const QStringList& audience = {QStringLiteral("assignee")});
    void removeLevel(int row);
    /// The audience keys a level row tells (assignee, group_lead, supervisor, manager, user:<id>).
    QStringList audienceOf(int row) const;
    void setAudience(int row, const QStringList& audience);

protected:
    QString titleOf(const QJsonObject& record) const override;
    void showRecord(const QJsonObject& record) override;
    Result<QJsonObject> collect() const override;
    QString fieldLabel(const QString& field) const override;
    void retranslateForm() override;
    QJsonObject newRecordData() const override;
    void recordsReloaded() override;

private:
    void fillPolicies(const QString& selected);
    void updateAudienceText(int row);
    void retranslateRow(int row);

    QLineEdit* m_name;
    QCheckBox* m_enabled;
    QComboBox* m_metric;
    QComboBox* m_policy;
    QTableWidget* m_levels;
    QPushButton* m_addLevel;
    QPushButton* m_removeLevel;
    QLabel* m_nameLabel;
    QLabel* m_metricLabel;
    QLabel* m_policyLabel;
    QLabel* m_levelsLabel;
    QList<QStringList> m_channels; ///< per row: kept as the record had them
};

} // namespace gongdan
