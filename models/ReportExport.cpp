#include "models/ReportExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <xlsxwriter.h>

namespace gongdan {

namespace {

Error cancelled()
{
    return Error {QStringLiteral("export.cancelled"), QCoreApplication::translate("ReportExporter", "Cancelled.")};
}

QByteArray csvField(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace('"', "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

} // namespace

ReportExporter::ReportExporter(QObject* parent) : QObject(parent) { }

ReportExporter::~ReportExporter()
{
    if (m_cancel)
        m_cancel->store(true);
    m_future.waitForFinished(); // the worker holds no reference to this object, but the file must be closed
}

Status ReportExporter::writeCsv(const ReportSheet& sheet, const QString& path, const std::function<bool()>& wanted,
    const std::function<void(int)>& step)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {QStringLiteral("export.open"),
            QCoreApplication::translate("ReportExporter", "Cannot write %1: %2").arg(path, file.errorString())};
    QByteArray line = QByteArrayLiteral("\xEF\xBB\xBF");
    for (qsizetype c = 0; c < sheet.header.size(); ++c) {
        if (c > 0)
            line.append(',');
        const bool rate = c > 0 && sheet.rates.value(c - 1);
        line.append(csvField(rate ? sheet.header.at(c) + QStringLiteral(" (%)") : sheet.header.at(c)));
    }
    line.append("\r\n");
    file.write(line);
    for (qsizetype r = 0; r < sheet.lines.size(); ++r) {
        if (!wanted()) {
            file.cancelWriting();
            return cancelled();
        }
        const ReportSheet::Line& row = sheet.lines.at(r);
        line = csvField(row.label);
        for (qsizetype c = 0; c < row.values.size(); ++c) {
            line.append(',');
            if (const std::optional<double> v = row.values.at(c))
                line.append(QByteArray::number(sheet.rates.value(c) ? *v * 100.0 : *v, 'g', 12));
        }
        line.append("\r\n");
        if (file.write(line) < 0)
            break;
        step(int(r + 1));
    }
    if (!file.commit())
        return Error {QStringLiteral("export.write"),
            QCoreApplication::translate("ReportExporter", "Cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

Status ReportExporter::writeXlsx(const ReportSheet& sheet, const QString& path, const std::function<bool()>& wanted,
    const std::function<void(int)>& step)
{
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook_options options {};
    options.constant_memory = LXW_TRUE; // rows go to the file as they are written: memory does not grow with them
    lxw_workbook* workbook = workbook_new_opt(file.constData(), &options);
    if (!workbook)
        return Error {
            QStringLiteral("export.open"), QCoreApplication::translate("ReportExporter", "Cannot write %1.").arg(path)};
    lxw_worksheet* sheetOut = workbook_add_worksheet(workbook, "Report");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* percent = workbook_add_format(workbook);
    format_set_num_format(percent, "0.0%");
    lxw_format* number = workbook_add_format(workbook);
    format_set_num_format(number, "0.##");
    for (qsizetype c = 0; c < sheet.header.size(); ++c)
        worksheet_write_string(sheetOut, 0, lxw_col_t(c), sheet.header.at(c).toUtf8().constData(), bold);
    worksheet_set_column(sheetOut, 0, 0, 28, nullptr);
    worksheet_set_column(sheetOut, 1, lxw_col_t(std::max<qsizetype>(1, sheet.header.size() - 1)), 16, nullptr);
    bool stopped = false;
    for (qsizetype r = 0; r < sheet.lines.size(); ++r) {
        if (!wanted()) {
            stopped = true;
            break;
        }
        const ReportSheet::Line& row = sheet.lines.at(r);
        const lxw_row_t at = lxw_row_t(r + 1);
        worksheet_write_string(sheetOut, at, 0, row.label.toUtf8().constData(), nullptr);
        for (qsizetype c = 0; c < row.values.size(); ++c) {
            if (const std::optional<double> v = row.values.at(c))
                worksheet_write_number(sheetOut, at, lxw_col_t(c + 1), *v, sheet.rates.value(c) ? percent : number);
        }
        step(int(r + 1));
    }
    const lxw_error closed = workbook_close(workbook); // frees it, also when stopped
    if (stopped) {
        QFile::remove(path);
        return cancelled();
    }
    if (closed != LXW_NO_ERROR)
        return Error {QStringLiteral("export.write"),
            QCoreApplication::translate("ReportExporter", "Cannot write %1: %2")
                .arg(path, QString::fromUtf8(lxw_strerror(closed)))};
    return {};
}

bool ReportExporter::start(const ReportSheet& sheet, const QString& path, Format format)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const int total = int(sheet.lines.size());
    QPointer<ReportExporter> self(this);
    auto cancel = m_cancel;
    m_future = QtConcurrent::run([self, cancel, sheet, path, format, total] {
        const auto wanted = [cancel] { return !cancel->load(); };
        const auto step = [self, total](int rows) {
            if (rows % 200 != 0 && rows != total)
                return; // a few hundred signals at most
            QMetaObject::invokeMethod(
                self.data(),
                [self, rows, total] {
                    if (self)
                        Q_EMIT self->progress(rows, total);
                },
                Qt::QueuedConnection);
        };
        const Status written
            = format == Format::Xlsx ? writeXlsx(sheet, path, wanted, step) : writeCsv(sheet, path, wanted, step);
        QMetaObject::invokeMethod(
            self.data(),
            [self, written] {
                if (!self)
                    return;
                self->m_running = false;
                const bool stopped = !written && written.error().code == QLatin1String("export.cancelled");
                Q_EMIT self->finished(written.ok(), stopped, written ? QString() : written.error().message);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void ReportExporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace gongdan
