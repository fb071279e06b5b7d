#include "ui/main/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <cstdio>

namespace gongdan {

FirstPaintProbe::FirstPaintProbe(QObject* watched, std::function<bool()> hasRows, QObject* parent)
    : QObject(parent), m_hasRows(std::move(hasRows))
{
    watched->installEventFilter(this);
}

qint64 FirstPaintProbe::residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool FirstPaintProbe::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_done && event->type() == QEvent::Paint && m_hasRows()) {
        m_done = true;
        // Report once the paint is done.
        QTimer::singleShot(0, this, [] {
            std::printf("first-paint rss_kb=%lld\n", static_cast<long long>(residentKb()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace gongdan
