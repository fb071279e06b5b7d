#pragma once

#include "domain/ReportEngine.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>

namespace gongdan {

struct ReportSheet;

/// A report's rows as a table (ui/reports/ReportWindow): the row's label (the group's or agent's name, a day, a tag, …;
/// "(none)" for tickets without one), then one column per measure, and a last row with the total. Rates show as
/// percentages, minutes and hours with one decimal, nothing to count as "—"; ValueRole holds the number (or an invalid
/// QVariant).
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< the measure's number (double), invalid when none
        KeyRole, ///< the row's key ("total" for the total row)
        TotalRole, ///< true on the total row
    };

    explicit ReportTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setResult(const ReportResult& result);
    void clear();
    const ReportResult& result() const { return m_result; }
    bool hasResult() const { return !m_result.columns.isEmpty(); }
    /// A row's label for people (also for the chart and the exports).
    QString labelOf(int row) const;
    /// Everything an export writes (the header, each row and the total), copied for a worker thread.
    ReportSheet sheet() const;
    /// A measure's text as the table shows it.
    static QString format(ReportMeasure measure, const QJsonValue& value);

private:
    const ReportRow& rowAt(int row) const;

    ReportResult m_result;
};

/// The report definitions the window lists: the saved ones by name, then the built-in examples.
class ReportListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, BuiltInRole };

    explicit ReportListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// Saved definitions replace an example with the same id.
    void setDefinitions(const QList<ReportDefinition>& saved);
    const QList<ReportDefinition>& definitions() const { return m_definitions; }
    int rowOf(const QString& id) const;

private:
    QList<ReportDefinition> m_definitions;
};

} // namespace gongdan
