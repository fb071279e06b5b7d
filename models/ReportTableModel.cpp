#include "models/ReportTableModel.h"

#include "domain/Customer.h"
#include "models/ReportExport.h"

#include <QLocale>
#include <algorithm>

namespace gongdan {

ReportTableModel::ReportTableModel(QObject* parent) : QAbstractTableModel(parent) { }

int ReportTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !hasResult())
        return 0;
    return int(m_result.rows.size()) + 1;
}

int ReportTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !hasResult() ? 0 : int(m_result.columns.size()) + 1;
}

const ReportRow& ReportTableModel::rowAt(int row) const
{
    return row < m_result.rows.size() ? m_result.rows.at(row) : m_result.total;
}

QString ReportTableModel::labelOf(int row) const
{
    if (row >= m_result.rows.size())
        return tr("Total");
    const ReportRow& r = m_result.rows.at(row);
    if (r.key.isEmpty())
        return tr("(none)");
    switch (m_result.definition.grouping) {
    case ReportGrouping::NeedType:
        if (auto value = EnumText<NeedType>::fromKey(r.key))
            return EnumText<NeedType>::displayName(*value);
        break;
    case ReportGrouping::Priority:
        if (auto value = EnumText<Priority>::fromKey(r.key))
            return EnumText<Priority>::displayName(*value);
        break;
    case ReportGrouping::Channel:
        if (auto value = EnumText<Channel>::fromKey(r.key))
            return EnumText<Channel>::displayName(*value);
        break;
    case ReportGrouping::CustomerLevel:
        if (auto value = Customer::levelFromKey(r.key))
            return Customer::levelName(*value);
        break;
    default:
        break;
    }
    if (!r.labelEn.isEmpty() && QLocale().language() != QLocale::Chinese)
        return r.labelEn;
    return r.label.isEmpty() ? r.key : r.label;
}

QString ReportTableModel::format(ReportMeasure measure, const QJsonValue& value)
{
    if (!value.isDouble())
        return QStringLiteral("—");
    const double number = value.toDouble();
    if (ReportDefinition::isRate(measure))
        return QStringLiteral("%1%").arg(number * 100.0, 0, 'f', 1);
    switch (measure) {
    case ReportMeasure::Tickets:
    case ReportMeasure::Closed:
    case ReportMeasure::SatisfactionCount:
        return QString::number(qint64(number));
    case ReportMeasure::SatisfactionAvg:
        return QString::number(number, 'f', 2);
    default:
        return QString::number(number, 'f', 1);
    }
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReportRow& row = rowAt(index.row());
    const bool total = index.row() >= m_result.rows.size();
    if (role == KeyRole)
        return row.key;
    if (role == TotalRole)
        return total;
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return labelOf(index.row());
        return {};
    }
    const ReportMeasure measure = m_result.columns.at(index.column() - 1);
    const QJsonValue value = row.values.value(ReportDefinition::measureKey(measure));
    switch (role) {
    case Qt::DisplayRole:
        return format(measure, value);
    case ValueRole:
        return value.isDouble() ? QVariant(value.toDouble()) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    if (section == 0)
        return ReportDefinition::groupingName(m_result.definition.grouping);
    return ReportDefinition::measureName(m_result.columns.at(section - 1));
}

void ReportTableModel::setResult(const ReportResult& result)
{
    beginResetModel();
    m_result = result;
    endResetModel();
}

void ReportTableModel::clear()
{
    setResult({});
}

ReportSheet ReportTableModel::sheet() const
{
    ReportSheet sheet;
    for (int c = 0; c < columnCount(); ++c)
        sheet.header.append(headerData(c, Qt::Horizontal).toString());
    for (ReportMeasure measure : m_result.columns)
        sheet.rates.append(ReportDefinition::isRate(measure));
    for (int r = 0; r < rowCount(); ++r) {
        ReportSheet::Line line;
        line.label = labelOf(r);
        for (ReportMeasure measure : m_result.columns) {
            const QJsonValue value = rowAt(r).values.value(ReportDefinition::measureKey(measure));
            line.values.append(value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt);
        }
        sheet.lines.append(line);
    }
    return sheet;
}

ReportListModel::ReportListModel(QObject* parent) : QAbstractListModel(parent) { }

int ReportListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_definitions.size());
}

QVariant ReportListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReportDefinition& d = m_definitions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return d.builtIn() ? tr("%1 (example)").arg(d.name) : d.name;
    case IdRole:
        return d.id;
    case BuiltInRole:
        return d.builtIn();
    default:
        return {};
    }
}

void ReportListModel::setDefinitions(const QList<ReportDefinition>& saved)
{
    QList<ReportDefinition> all = saved;
    std::sort(all.begin(), all.end(),
        [](const ReportDefinition& a, const ReportDefinition& b) { return a.name.localeAwareCompare(b.name) < 0; });
    for (const ReportDefinition& example : ReportDefinition::examples()) {
        const bool replaced = std::any_of(
            saved.cbegin(), saved.cend(), [&example](const ReportDefinition& s) { return s.id == example.id; });
        if (!replaced)
            all.append(example);
    }
    beginResetModel();
    m_definitions = all;
    endResetModel();
}

int ReportListModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_definitions.size(); ++i) {
        if (m_definitions.at(i).id == id)
            return int(i);
    }
    return -1;
}

} // namespace gongdan
