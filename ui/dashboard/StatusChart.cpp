#include "ui/dashboard/StatusChart.h"

#include "domain/TicketTypes.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QJsonArray>
#include <QLocale>
#include <QValueAxis>

namespace gongdan {

StatusChart::StatusChart(QWidget* parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setMinimumHeight(180);
    setMinimumWidth(360);
}

int StatusChart::count(const QString& groupId, const QString& status) const
{
    return m_counts.value(groupId + QLatin1Char('|') + status);
}

void StatusChart::showSnapshot(const QJsonObject& snapshot, const QString& groupId)
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    QStringList ids;
    QStringList names;
    for (const QJsonValue& g : snapshot.value(QStringLiteral("groups")).toArray()) {
        const QString id = g[QStringLiteral("id")].toString();
        if (!groupId.isEmpty() && id != groupId)
            continue;
        ids.append(id);
        const QString zh = g[QStringLiteral("name_zh")].toString();
        const QString en = g[QStringLiteral("name_en")].toString();
        names.append(chinese || en.isEmpty() ? zh : en);
    }
    m_counts.clear();
    for (const QJsonValue& row : snapshot.value(QStringLiteral("open")).toArray())
        m_counts[row[QStringLiteral("group_id")].toString() + QLatin1Char('|')
            + row[QStringLiteral("status")].toString()]
            += row[QStringLiteral("count")].toInt();

    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    auto* series = new QHorizontalStackedBarSeries;
    const QList<QPair<TicketStatus, QColor>> statuses {{TicketStatus::New, QColor(0x1e, 0x88, 0xe5)},
        {TicketStatus::InProgress, QColor(0x43, 0xa0, 0x47)}, {TicketStatus::WaitingCustomer, QColor(0xfb, 0x8c, 0x00)},
        {TicketStatus::FollowUp, QColor(0x8e, 0x24, 0xaa)}};
    int most = 0;
    QList<int> totals(ids.size(), 0);
    for (const auto& [status, color] : statuses) {
        auto* set = new QBarSet(EnumText<TicketStatus>::displayName(status));
        set->setColor(color);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const int n = count(ids.at(i), EnumText<TicketStatus>::key(status));
            *set << n;
            totals[i] += n;
        }
        series->append(set);
    }
    for (int t : totals)
        most = std::max(most, t);
    chart()->addSeries(series);
    auto* groups = new QBarCategoryAxis;
    groups->append(names);
    chart()->addAxis(groups, Qt::AlignLeft);
    series->attachAxis(groups);
    auto* values = new QValueAxis;
    values->setRange(0, std::max(most, 1));
    values->setLabelFormat(QStringLiteral("%d"));
    if (most <= 10)
        values->setTickCount(std::max(most, 1) + 1); // a line per ticket: no label names a fraction
    else
        values->applyNiceNumbers();
    chart()->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart()->setTitle(tr("Open tickets by status and group"));
}

} // namespace gongdan
