#pragma once

#include "ui/settings/RecordListEditor.h"

class QCheckBox;
class QComboBox;
class QListWidget;
class QSpinBox;

namespace gongdan {

/// A group's automatic dispatch settings (workflows.md §9.3), one record per group: the strategy (least loaded,
/// least loaded by share, round robin), capacity per agent and the statuses that count as load, how long an offer
/// waits for 确认接收 and how many misses set an agent 离开, overflow to another group after N minutes, and how long
/// VIP tickets and required skills wait for the right agent. Admins edit every group; supervisors their own groups.
class DispatchEditor : public RecordListEditor {
    Q_OBJECT

public:
    explicit DispatchEditor(const Workstation& workstation, QWidget* parent = nullptr);

protected:
    QString titleOf(const QJsonObject& record) const override;
    void showRecord(const QJsonObject& record) override;
    Result<QJsonObject> collect() const override;
    QString fieldLabel(const QString& field) const override;
    void retranslateForm() override;
    QJsonObject newRecordData() const override;
    bool mayEdit(const QJsonObject& record) const override;
    bool mayCreate() const override;
    Status checkAgainst(const QJsonObject& record, const QList<QJsonObject>& others) const override;
    void recordsReloaded() override { fillGroups(); }

private:
    QString groupName(const QString& id) const;
    void fillGroups();
    void fitCounts();
    bool isNew() const;

    QComboBox* m_group;
    QCheckBox* m_enabled;
    QComboBox* m_strategy;
    QSpinBox* m_capacity;
    QListWidget* m_counts;
    QSpinBox* m_acceptTimeout;
    QSpinBox* m_maxMisses;
    QComboBox* m_overflowGroup;
    QSpinBox* m_overflowAfter;
    QSpinBox* m_vipFallback;
    QSpinBox* m_skillFallback;
    QList<QLabel*> m_labels;
    QJsonObject m_kept; ///< what the form does not show (capacity overrides, skill rules): saved as it was
};

} // namespace gongdan
