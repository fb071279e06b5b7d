#pragma once

#include <QObject>
#include <functional>

namespace gongdan {

/// For start-up measurements (gongdan --report-first-paint): waits for the first paint of a widget
/// that shows rows, prints one line "first-paint rss_kb=N" to stdout and quits the application.
/// gongdan-bench starts the workstation, times it up to that line and reads the resident memory.
class FirstPaintProbe : public QObject {
    Q_OBJECT

public:
    /// `watched` is painted; `hasRows` says whether what it paints is the real content yet.
    FirstPaintProbe(QObject* watched, std::function<bool()> hasRows, QObject* parent = nullptr);

    /// Resident memory of this process in KiB, from /proc/self/status; -1 where there is none.
    static qint64 residentKb();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<bool()> m_hasRows;
    bool m_done = false;
};

} // namespace gongdan
