#pragma once

#include <QChartView>
#include <QJsonObject>

namespace gongdan {

/// Open tickets by status (stacked) and group (a bar each), from the dashboard snapshot's "open" rows (Qt Charts).
class StatusChart : public QChartView {
    Q_OBJECT

public:
    explicit StatusChart(QWidget* parent = nullptr);
    /// Redraws from `snapshot`; only `groupId` when given.
    void showSnapshot(const QJsonObject& snapshot, const QString& groupId);
    /// The count the chart shows for a group and status (tests).
    int count(const QString& groupId, const QString& status) const;

private:
    QHash<QString, int> m_counts; ///< "group|status" → count
};

} // namespace gongdan
