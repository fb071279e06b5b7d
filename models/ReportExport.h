#pragma once

#include "domain/Result.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <memory>
#include <optional>

namespace gongdan {

/// What an export writes: the header, then each line's label and its numbers (none: an empty cell). Rates are 0–1.
struct ReportSheet {
    struct Line {
        QString label;
        QList<std::optional<double>> values;
    };
    QStringList header; ///< the label column's, then each measure's
    QList<bool> rates; ///< per measure: a rate (xlsx: shown as a percentage; CSV: written as a percentage)
    QList<Line> lines;
};

/// Writes a report to a file on a worker thread (workflows.md §9.7: no row cap, streamed): .xlsx through libxlsxwriter
/// in constant-memory mode (each row goes to the file as it is written, so memory does not grow with the rows) or
/// CSV (UTF-8 with a byte-order mark, so spreadsheets read 中文 right; RFC 4180 quoting). `progress` follows the rows
/// written; `cancel` stops between rows and removes the unfinished file; `finished` comes once, on this object's
/// thread. One export at a time.
class ReportExporter : public QObject {
    Q_OBJECT

public:
    enum class Format { Xlsx, Csv };

    explicit ReportExporter(QObject* parent = nullptr);
    ~ReportExporter() override;

    /// False when an export is already running.
    bool start(const ReportSheet& sheet, const QString& path, Format format);
    void cancel();
    bool running() const { return m_running; }

    /// The writers themselves (the worker runs them); `wanted` is asked between rows, `step` told each row written.
    static Status writeCsv(const ReportSheet& sheet, const QString& path, const std::function<bool()>& wanted,
        const std::function<void(int)>& step);
    static Status writeXlsx(const ReportSheet& sheet, const QString& path, const std::function<bool()>& wanted,
        const std::function<void(int)>& step);

Q_SIGNALS:
    void progress(int rows, int total);
    /// ok; or cancelled (the file removed); or the error's message.
    void finished(bool ok, bool cancelled, const QString& message);

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
    bool m_running = false;
};

} // namespace gongdan
