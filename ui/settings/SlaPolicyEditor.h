#pragma once

#include "ui/settings/RecordListEditor.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace gongdan {

class ConditionRow;
class FieldCatalog;

/// The admin's editor of SLA policies (workflows.md §9.1): the ordered list (the first enabled policy whose
/// conditions hold applies; Move up / down), the condition in the view editor's terms (all / any), the business
/// calendar, targets per priority for first response, next response and resolution in business minutes, the
/// warning share, and what each status does to the clocks.
class SlaPolicyEditor : public RecordListEditor {
    Q_OBJECT

public:
    explicit SlaPolicyEditor(const Workstation& workstation, QWidget* parent = nullptr);
    ~SlaPolicyEditor() override;

    ConditionRow* addCondition();
    /// Moves the selected policy one place up (-1) or down (+1): both policies' positions are saved.
    bool move(int step);

protected:
    QString titleOf(const QJsonObject& record) const override;
    void showRecord(const QJsonObject& record) override;
    Result<QJsonObject> collect() const override;
    QString fieldLabel(const QString& field) const override;
    void retranslateForm() override;
    QJsonObject newRecordData() const override;
    void order(QList<QJsonObject>& records) const override;
    void recordsReloaded() override;

private:
    void removeCondition(ConditionRow* row);
    void fillCalendars(const QString& selected);

    std::unique_ptr<FieldCatalog> m_catalog;
    QLineEdit* m_name;
    QCheckBox* m_enabled;
    QRadioButton* m_all;
    QRadioButton* m_any;
    QVBoxLayout* m_conditions;
    QList<ConditionRow*> m_rows;
    QPushButton* m_addCondition;
    QComboBox* m_calendar;
    QTableWidget* m_targets;
    QSpinBox* m_warnPercent;
    QSpinBox* m_warnMinutes;
    QCheckBox* m_pauseFirst;
    QTableWidget* m_statuses;
    QPushButton* m_up;
    QPushButton* m_down;
    QGroupBox* m_conditionBox;
    QGroupBox* m_targetBox;
    QGroupBox* m_statusBox;
    QLabel* m_noConditions;
    QLabel* m_statusNote;
    QLabel* m_nameLabel;
    QLabel* m_calendarLabel;
    QLabel* m_warnLabel;
    QLabel* m_warnMinutesLabel;
    int m_position = 0;
    int m_nextRow = 0;
};

} // namespace gongdan
