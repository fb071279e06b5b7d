#include "ui/reports/ReportChart.h"

#include "models/ReportTableModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

namespace gongdan {

ReportChart::ReportChart(QWidget* parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setVisible(false);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setMinimumHeight(200);
}

void ReportChart::showColumn(const ReportTableModel& model, int column)
{
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    m_labels.clear();
    m_values.clear();
    if (column < 1 || column >= model.columnCount()) {
        chart()->setTitle(QString());
        return;
    }
    const ReportMeasure measure = model.result().columns.at(column - 1);
    const double scale = ReportDefinition::isRate(measure) ? 100.0 : 1.0;
    auto* set = new QBarSet(model.headerData(column, Qt::Horizontal).toString());
    set->setColor(QColor(0x1e, 0x88, 0xe5));
    double most = 0;
    for (int row = 0; row + 1 < model.rowCount(); ++row) { // the last row is the total
        const double value = model.index(row, column).data(ReportTableModel::ValueRole).toDouble() * scale;
        m_labels.append(model.labelOf(row));
        m_values.append(value);
        set->append(value);
        most = std::max(most, value);
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(scale > 1 ? QStringLiteral("@value%") : QStringLiteral("@value"));
    chart()->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(m_labels);
    chart()->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto* values = new QValueAxis;
    values->setRange(0, most > 0 ? most * 1.15 : 1.0);
    values->applyNiceNumbers();
    values->setLabelFormat(QStringLiteral("%g"));
    chart()->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart()->setTitle(set->label());
}

} // namespace gongdan
