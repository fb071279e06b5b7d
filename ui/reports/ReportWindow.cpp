#include "ui/reports/ReportWindow.h"

#include "domain/Uuid.h"
#include "models/ReportTableModel.h"
#include "storage/WorkflowRecords.h"
#include "sync/ReportClient.h"
#include "ui/reports/ReportChart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>
#include <array>

namespace gongdan {

namespace {

/// The period choices: last N days (N > 0), this month (0), last month (-1), a range (-2).
constexpr std::array kPeriodChoices {7, 30, 90, 0, -1, -2};

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

ReportWindow::ReportWindow(Database& db, ReportClient& client, const Clock& clock, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_db(db)
    , m_client(client)
    , m_clock(clock)
    , m_list(new ReportListModel(this))
    , m_table(new ReportTableModel(this))
    , m_exporter(new ReportExporter(this))
{
    setObjectName(QStringLiteral("reportWindow"));
    resize(1280, 800);
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_listView = new QListView(left);
    m_listView->setObjectName(QStringLiteral("reportList"));
    m_listView->setModel(m_list);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_newButton = new QPushButton(left);
    m_newButton->setObjectName(QStringLiteral("newReport"));
    leftLayout->addWidget(m_listView);
    leftLayout->addWidget(m_newButton);

    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    auto* form = new QFormLayout;
    buildEditor(form);
    rightLayout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    const auto button = [&](QPushButton*& b, const char* name) {
        b = new QPushButton(right);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
    };
    button(m_runButton, "runReport");
    button(m_saveButton, "saveReport");
    button(m_saveAsButton, "saveReportAsNew");
    buttons->addStretch();
    button(m_xlsxButton, "exportXlsx");
    button(m_csvButton, "exportCsv");
    button(m_printButton, "printReport");
    rightLayout->addLayout(buttons);
    m_message = new QLabel(right);
    m_message->setObjectName(QStringLiteral("reportMessage"));
    m_message->setWordWrap(true);
    rightLayout->addWidget(m_message);
    auto* exportRow = new QHBoxLayout;
    m_progress = new QProgressBar(right);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_cancelExport = new QPushButton(right);
    m_cancelExport->setObjectName(QStringLiteral("cancelExport"));
    exportRow->addWidget(m_progress, 1);
    exportRow->addWidget(m_cancelExport);
    rightLayout->addLayout(exportRow);
    m_progress->hide();
    m_cancelExport->hide();

    auto* results = new QSplitter(Qt::Vertical, right);
    m_tableView = new QTableView(results);
    m_tableView->setObjectName(QStringLiteral("reportTable"));
    m_tableView->setModel(m_table);
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->verticalHeader()->hide();
    auto* chartBox = new QWidget(results);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartMeasure = new QComboBox(chartBox);
    m_chartMeasure->setObjectName(QStringLiteral("chartMeasure"));
    m_chart = new ReportChart(chartBox);
    m_chart->setObjectName(QStringLiteral("reportChart"));
    chartLayout->addWidget(m_chartMeasure, 0, Qt::AlignLeft);
    chartLayout->addWidget(m_chart, 1);
    rightLayout->addWidget(results, 1);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 4);
    split->setSizes({260, 1000});
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(split);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& at) {
        if (at.isValid())
            showDefinition(m_list->definitions().at(at.row()));
    });
    connect(m_newButton, &QPushButton::clicked, this, [this] {
        ReportDefinition fresh;
        fresh.name = tr("New report");
        fresh.measures = {ReportMeasure::Tickets, ReportMeasure::Closed, ReportMeasure::SlaAttainment};
        m_listView->clearSelection();
        showDefinition(fresh);
        m_name->setFocus();
        m_name->selectAll();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportWindow::periodChosen);
    connect(m_runButton, &QPushButton::clicked, this, &ReportWindow::run);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(false); });
    connect(m_saveAsButton, &QPushButton::clicked, this, [this] { save(true); });
    connect(m_xlsxButton, &QPushButton::clicked, this, [this] { chooseExportFile(ReportExporter::Format::Xlsx); });
    connect(m_csvButton, &QPushButton::clicked, this, [this] { chooseExportFile(ReportExporter::Format::Csv); });
    connect(m_printButton, &QPushButton::clicked, this, &ReportWindow::openPrintPreview);
    connect(m_cancelExport, &QPushButton::clicked, m_exporter, &ReportExporter::cancel);
    connect(m_exporter, &ReportExporter::progress, this, [this](int rows, int total) {
        m_progress->setMaximum(std::max(total, 1));
        m_progress->setValue(rows);
    });
    connect(m_exporter, &ReportExporter::finished, this, &ReportWindow::exportFinished);
    connect(m_chartMeasure, &QComboBox::currentIndexChanged, this, &ReportWindow::showChart);
    connect(&m_client, &ReportClient::finished, this, [this](const ReportResult& result) {
        showResult(result);
        Q_EMIT ran(true);
    });
    connect(&m_client, &ReportClient::failed, this, [this](const QString& message) {
        m_runButton->setEnabled(true);
        showMessage(message, true);
        Q_EMIT ran(false);
    });
    retranslate();
    if (m_list->rowCount() > 0)
        m_listView->setCurrentIndex(m_list->index(0));
}

ReportWindow::~ReportWindow() = default;

void ReportWindow::buildEditor(QFormLayout* form)
{
    const auto label = [&](QWidget* field) {
        auto* l = new QLabel(this);
        l->setBuddy(field);
        m_formLabels.append(l);
        form->addRow(l, field);
    };
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("reportName"));
    label(m_name);
    auto* periodRow = new QWidget(this);
    auto* periodLayout = new QHBoxLayout(periodRow);
    periodLayout->setContentsMargins(0, 0, 0, 0);
    m_period = new QComboBox(periodRow);
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    for (size_t i = 0; i < kPeriodChoices.size(); ++i)
        m_period->addItem(QString());
    m_from = new QDateEdit(periodRow);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to = new QDateEdit(periodRow);
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit* date : {m_from, m_to}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setDate(m_clock.now().toLocalTime().date());
        date->hide();
    }
    periodLayout->addWidget(m_period);
    periodLayout->addWidget(m_from);
    periodLayout->addWidget(m_to);
    periodLayout->addStretch();
    label(periodRow);
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("reportGrouping"));
    for (ReportGrouping grouping : ReportDefinition::groupings())
        m_grouping->addItem(QString(), ReportDefinition::groupingKey(grouping));
    label(m_grouping);
    auto* measures = new QWidget(this);
    auto* grid = new QGridLayout(measures);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<ReportMeasure> all = ReportDefinition::allMeasures();
    for (qsizetype i = 0; i < all.size(); ++i) {
        auto* box = new QCheckBox(measures);
        box->setObjectName(QStringLiteral("measure_") + ReportDefinition::measureKey(all.at(i)));
        grid->addWidget(box, int(i / 4), int(i % 4));
        m_measures.append(box);
    }
    label(measures);
    m_condition = new QPlainTextEdit(this);
    m_condition->setObjectName(QStringLiteral("reportCondition"));
    m_condition->setFixedHeight(m_condition->fontMetrics().lineSpacing() * 4 + 12);
    label(m_condition);
}

void ReportWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReportWindow::retranslate()
{
    setWindowTitle(tr("Gongdan — Reports"));
    m_newButton->setText(tr("New report"));
    const QStringList labels {tr("Name"), tr("Period"), tr("Rows by"), tr("Measures"), tr("Conditions")};
    for (qsizetype i = 0; i < m_formLabels.size(); ++i)
        m_formLabels.at(i)->setText(labels.value(i));
    const QStringList periods {tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"), tr("This month"),
        tr("Last month"), tr("From … to …")};
    for (int i = 0; i < m_period->count(); ++i)
        m_period->setItemText(i, periods.value(i));
    const QList<ReportGrouping> groupings = ReportDefinition::groupings();
    for (int i = 0; i < m_grouping->count(); ++i)
        m_grouping->setItemText(i, ReportDefinition::groupingName(groupings.at(i)));
    const QList<ReportMeasure> all = ReportDefinition::allMeasures();
    for (qsizetype i = 0; i < m_measures.size(); ++i)
        m_measures.at(i)->setText(ReportDefinition::measureName(all.at(i)));
    m_condition->setPlaceholderText(tr("Every ticket. Or, as in views: {\"all\": [{\"field\": \"priority\", \"op\": "
                                       "\"is\", \"value\": \"urgent\"}]}"));
    m_condition->setToolTip(tr("The view condition language as JSON: all or any of the conditions; fields as in views, "
                               "and customer_level and region."));
    m_runButton->setText(tr("Run"));
    m_saveButton->setText(tr("Save"));
    m_saveAsButton->setText(tr("Save as new"));
    m_xlsxButton->setText(tr("Export .xlsx…"));
    m_csvButton->setText(tr("Export CSV…"));
    m_printButton->setText(tr("Print preview…"));
    m_cancelExport->setText(tr("Cancel"));
    m_chartMeasure->setToolTip(tr("The measure the chart shows"));
    for (int i = 0; i < m_chartMeasure->count(); ++i)
        m_chartMeasure->setItemText(i, m_table->headerData(i + 1, Qt::Horizontal).toString());
    reloadDefinitions(); // the examples' names are in the language
}

void ReportWindow::reloadDefinitions()
{
    QList<ReportDefinition> saved;
    for (const QJsonObject& json : WorkflowRecords(m_db).list(WorkflowRecords::kReport)) {
        if (auto definition = ReportDefinition::fromJson(json))
            saved.append(definition.value());
    }
    const QString current = m_currentId;
    m_list->setDefinitions(saved);
    if (const int row = m_list->rowOf(current); row >= 0) {
        const QSignalBlocker quiet(m_listView->selectionModel());
        m_listView->setCurrentIndex(m_list->index(row));
    }
}

bool ReportWindow::selectDefinition(const QString& id)
{
    const int row = m_list->rowOf(id);
    if (row < 0)
        return false;
    m_listView->setCurrentIndex(m_list->index(row));
    showDefinition(m_list->definitions().at(row));
    return true;
}

void ReportWindow::showDefinition(const ReportDefinition& definition)
{
    m_currentId = definition.id;
    m_name->setText(definition.name);
    int choice = 1;
    switch (definition.period.kind) {
    case ReportPeriod::Kind::LastDays: {
        const auto* found = std::find(kPeriodChoices.cbegin(), kPeriodChoices.cend(), definition.period.days);
        choice = found != kPeriodChoices.cend() ? int(found - kPeriodChoices.cbegin()) : 5;
        if (found == kPeriodChoices.cend()) { // an unusual span: shown as the dates it covers today
            const QDate today = m_clock.now().toLocalTime().date();
            m_from->setDate(today.addDays(1 - definition.period.days));
            m_to->setDate(today);
        }
        break;
    }
    case ReportPeriod::Kind::ThisMonth:
        choice = 3;
        break;
    case ReportPeriod::Kind::LastMonth:
        choice = 4;
        break;
    case ReportPeriod::Kind::Range:
        choice = 5;
        m_from->setDate(definition.period.from);
        m_to->setDate(definition.period.to);
        break;
    }
    m_period->setCurrentIndex(choice);
    periodChosen();
    m_grouping->setCurrentIndex(int(ReportDefinition::groupings().indexOf(definition.grouping)));
    const QList<ReportMeasure> all = ReportDefinition::allMeasures();
    for (qsizetype i = 0; i < m_measures.size(); ++i)
        m_measures.at(i)->setChecked(definition.measures.contains(all.at(i)));
    m_condition->setPlainText(definition.conditions.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(definition.matchJson()).toJson(QJsonDocument::Indented)).trimmed());
    m_saveButton->setEnabled(!definition.id.isEmpty());
    showMessage(QString(), false);
}

void ReportWindow::periodChosen()
{
    const bool range = kPeriodChoices.at(size_t(std::max(0, m_period->currentIndex()))) == -2;
    m_from->setVisible(range); // the other periods name their days themselves
    m_to->setVisible(range);
}

Result<ReportDefinition> ReportWindow::editedDefinition() const
{
    QJsonObject json {{QStringLiteral("id"), m_currentId}, {QStringLiteral("name"), m_name->text()},
        {QStringLiteral("grouping"), m_grouping->currentData().toString()}};
    const int choice = kPeriodChoices.at(size_t(std::max(0, m_period->currentIndex())));
    QJsonObject period;
    if (choice > 0)
        period = {{QStringLiteral("kind"), QStringLiteral("last_days")}, {QStringLiteral("days"), choice}};
    else if (choice == 0)
        period = {{QStringLiteral("kind"), QStringLiteral("this_month")}};
    else if (choice == -1)
        period = {{QStringLiteral("kind"), QStringLiteral("last_month")}};
    else
        period = {{QStringLiteral("kind"), QStringLiteral("range")},
            {QStringLiteral("from"), m_from->date().toString(Qt::ISODate)},
            {QStringLiteral("to"), m_to->date().toString(Qt::ISODate)}};
    json.insert(QStringLiteral("period"), period);
    QJsonArray measures;
    const QList<ReportMeasure> all = ReportDefinition::allMeasures();
    for (qsizetype i = 0; i < m_measures.size(); ++i) {
        if (m_measures.at(i)->isChecked())
            measures.append(ReportDefinition::measureKey(all.at(i)));
    }
    json.insert(QStringLiteral("measures"), measures);
    const QString condition = m_condition->toPlainText().trimmed();
    if (!condition.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(condition.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return Error {QStringLiteral("report.invalid"),
                tr("The conditions are not JSON: %1 (at character %2).").arg(error.errorString()).arg(error.offset),
                QStringLiteral("match")};
        json.insert(QStringLiteral("match"), document.object());
    }
    return ReportDefinition::fromJson(json);
}

void ReportWindow::run()
{
    auto definition = editedDefinition();
    if (!definition) {
        showMessage(definition.error().message, true);
        Q_EMIT ran(false);
        return;
    }
    m_runButton->setEnabled(false);
    showMessage(tr("Running on the server…"), false);
    m_client.run(definition.value());
}

bool ReportWindow::save(bool asNew)
{
    auto definition = editedDefinition();
    if (!definition) {
        showMessage(definition.error().message, true);
        return false;
    }
    ReportDefinition report = definition.value();
    if (asNew || report.id.isEmpty()) {
        report.id = UuidV7Generator(m_clock).next();
        if (asNew && m_list->rowOf(m_currentId) >= 0
            && report.name == m_list->definitions().at(m_list->rowOf(m_currentId)).name)
            report.name = tr("%1 (copy)").arg(report.name);
    }
    if (Status saved = WorkflowRecords(m_db).save(WorkflowRecords::kReport, report.toJson()); !saved) {
        showMessage(saved.error().message, true);
        return false;
    }
    m_currentId = report.id;
    reloadDefinitions();
    selectDefinition(report.id);
    showMessage(tr("Saved: every desk of the team gets \"%1\" with the next sync.").arg(report.name), false);
    return true;
}

void ReportWindow::showResult(const ReportResult& result)
{
    m_runButton->setEnabled(true);
    m_table->setResult(result);
    m_tableView->resizeColumnsToContents();
    {
        const QSignalBlocker quiet(m_chartMeasure);
        m_chartMeasure->clear();
        for (int c = 1; c < m_table->columnCount(); ++c)
            m_chartMeasure->addItem(m_table->headerData(c, Qt::Horizontal).toString());
    }
    showChart();
    // The period's days in the team's time zone: [from, to) is midnight to midnight there.
    showMessage(
        tr("Tickets: %1, created %2 – %3.")
            .arg(QString::number(result.tickets), result.from.toTimeZone(result.zone).date().toString(Qt::ISODate),
                result.to.addSecs(-1).toTimeZone(result.zone).date().toString(Qt::ISODate)),
        false);
}

void ReportWindow::showChart()
{
    m_chart->showColumn(*m_table, m_chartMeasure->currentIndex() + 1);
}

void ReportWindow::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

bool ReportWindow::exportTo(const QString& path, ReportExporter::Format format)
{
    if (!m_table->hasResult() || m_exporter->running())
        return false;
    const ReportSheet sheet = m_table->sheet();
    m_exportPath = path;
    m_progress->setRange(0, std::max<int>(1, int(sheet.lines.size())));
    m_progress->setValue(0);
    m_progress->show();
    m_cancelExport->show();
    m_xlsxButton->setEnabled(false);
    m_csvButton->setEnabled(false);
    showMessage(tr("Exporting to %1…").arg(path), false);
    return m_exporter->start(sheet, path, format);
}

void ReportWindow::chooseExportFile(ReportExporter::Format format)
{
    if (!m_table->hasResult()) {
        showMessage(tr("Run the report first."), true);
        return;
    }
    const bool xlsx = format == ReportExporter::Format::Xlsx;
    auto* dialog = new QFileDialog(this, xlsx ? tr("Export to Excel") : tr("Export to CSV"),
        m_name->text() + (xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv")),
        xlsx ? tr("Excel workbook (*.xlsx)") : tr("CSV (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString& path) { exportTo(path, format); });
    dialog->open(); // not exec(): no nested event loop
}

void ReportWindow::exportFinished(bool ok, bool cancelled, const QString& message)
{
    m_progress->hide();
    m_cancelExport->hide();
    m_xlsxButton->setEnabled(true);
    m_csvButton->setEnabled(true);
    if (ok)
        showMessage(tr("Exported %1 rows to %2.").arg(QString::number(m_table->rowCount()), m_exportPath), false);
    else if (cancelled)
        showMessage(tr("Export cancelled; nothing was kept."), false);
    else
        showMessage(message, true);
}

namespace {

void paintReport(
    QPrinter& printer, const ReportTableModel& table, const QString& title, const QString& period, ReportChart& chart)
{
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p><table border='1' cellspacing='0' cellpadding='4'><tr>")
                       .arg(escaped(title), escaped(period));
    for (int c = 0; c < table.columnCount(); ++c)
        html += QStringLiteral("<th>%1</th>").arg(escaped(table.headerData(c, Qt::Horizontal).toString()));
    html += QStringLiteral("</tr>");
    for (int r = 0; r < table.rowCount(); ++r) {
        const bool total = table.index(r, 0).data(ReportTableModel::TotalRole).toBool();
        html += QStringLiteral("<tr>");
        for (int c = 0; c < table.columnCount(); ++c)
            html += QStringLiteral("<td%1>%2%3%4</td>")
                        .arg(c > 0 ? QStringLiteral(" align='right'") : QString(),
                            total ? QStringLiteral("<b>") : QString(), escaped(table.index(r, c).data().toString()),
                            total ? QStringLiteral("</b>") : QString());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    QTextDocument document;
    const QImage picture = chart.grab().toImage();
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart.png")), picture);
    html += QStringLiteral("<p><img src='chart.png' width='600'></p>");
    document.setHtml(html);
    document.print(&printer);
}

} // namespace

bool ReportWindow::printToPdf(const QString& path)
{
    if (!m_table->hasResult())
        return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    paintReport(printer, *m_table, m_name->text(), m_message->text(), *m_chart);
    return true;
}

void ReportWindow::openPrintPreview()
{
    if (!m_table->hasResult()) {
        showMessage(tr("Run the report first."), true);
        return;
    }
    auto* preview = new QPrintPreviewDialog(this);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setObjectName(QStringLiteral("reportPrintPreview"));
    const QString title = m_name->text();
    const QString period = m_message->text();
    connect(preview, &QPrintPreviewDialog::paintRequested, this,
        [this, title, period](QPrinter* printer) { paintReport(*printer, *m_table, title, period, *m_chart); });
    preview->open(); // not exec(): no nested event loop
}

} // namespace gongdan
