#pragma once

#include "domain/Clock.h"
#include "domain/ReportDefinition.h"
#include "models/ReportExport.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace gongdan {

class Database;
class ReportChart;
class ReportClient;
class ReportListModel;
class ReportTableModel;
struct ReportResult;

/// Reports (workflows.md §9.7), a window of its own for supervisors and admins (View ▸ Reports): the saved definitions
/// and the built-in examples on the left; the chosen one's period, grouping, measures and conditions (the view
/// condition language as JSON: {"all": [...]} or {"any": [...]}) to edit, save (a team record, report.upsert, synced to
/// every desk) or save as a new one; Run asks the server (sync/ReportClient) and shows the rows as a table and a bar
/// chart of one measure; the table exports to .xlsx or CSV on a worker thread with a progress bar and Cancel
/// (models/ReportExport), and prints or previews as PDF (Qt Print Support).
class ReportWindow : public QWidget {
    Q_OBJECT

public:
    ReportWindow(Database& db, ReportClient& client, const Clock& clock, QWidget* parent = nullptr);
    ~ReportWindow() override;

    /// Reads the saved definitions again (the server's copy and this desk's queued changes), keeping the selection.
    void reloadDefinitions();
    /// Shows the definition with this id in the editor; false when there is none.
    bool selectDefinition(const QString& id);
    /// The editor's definition, checked (the Error names the offending field).
    Result<ReportDefinition> editedDefinition() const;
    void run();
    /// Saves the edited definition (as a new one: a new id); the message line says what happened.
    bool save(bool asNew);
    /// Exports the table shown to `path`; false when there is nothing to export or an export runs.
    bool exportTo(const QString& path, ReportExporter::Format format);
    /// Writes the table (and the chart) to a PDF file.
    bool printToPdf(const QString& path);

    ReportTableModel& table() { return *m_table; }
    ReportListModel& list() { return *m_list; }
    ReportExporter& exporter() { return *m_exporter; }
    ReportChart& chart() { return *m_chart; }

Q_SIGNALS:
    /// A run ended: shown, or not (the message line says why).
    void ran(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildEditor(QFormLayout* form);
    void retranslate();
    void showDefinition(const ReportDefinition& definition);
    void showResult(const ReportResult& result);
    void showMessage(const QString& text, bool error);
    void chooseExportFile(ReportExporter::Format format);
    void exportFinished(bool ok, bool cancelled, const QString& message);
    void openPrintPreview();
    void periodChosen();
    void showChart();

    Database& m_db;
    ReportClient& m_client;
    const Clock& m_clock;
    ReportListModel* m_list = nullptr;
    ReportTableModel* m_table = nullptr;
    ReportExporter* m_exporter = nullptr;
    QString m_currentId;
    QString m_exportPath;

    QListView* m_listView = nullptr;
    QPushButton* m_newButton = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_grouping = nullptr;
    QList<QCheckBox*> m_measures;
    QPlainTextEdit* m_condition = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_saveAsButton = nullptr;
    QPushButton* m_xlsxButton = nullptr;
    QPushButton* m_csvButton = nullptr;
    QPushButton* m_printButton = nullptr;
    QLabel* m_message = nullptr;
    QTableView* m_tableView = nullptr;
    QComboBox* m_chartMeasure = nullptr;
    ReportChart* m_chart = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelExport = nullptr;
    QList<QLabel*> m_formLabels;
};

} // namespace gongdan
