#pragma once

#include <QChartView>

namespace gongdan {

class ReportTableModel;

/// A report's rows as bars of one measure (Qt Charts): a bar per row (not the total), labelled as the table labels
/// them; rates in percent.
class ReportChart : public QChartView {
    Q_OBJECT

public:
    explicit ReportChart(QWidget* parent = nullptr);
    /// Redraws `column` (a measure's column of `model`, from 1); an empty chart without a result.
    void showColumn(const ReportTableModel& model, int column);
    /// The bars drawn (tests): the rows' labels and their values.
    const QStringList& labels() const { return m_labels; }
    const QList<double>& values() const { return m_values; }

private:
    QStringList m_labels;
    QList<double> m_values;
};

} // namespace gongdan
