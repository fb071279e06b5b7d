#include "ui/main/LayoutMemory.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace gongdan::LayoutMemory {

QString restore(QMainWindow& window, QSplitter& splitter, QHeaderView& queueHeader)
{
    const QSettings settings;
    if (settings.contains(QStringLiteral("mainWindow/geometry")))
        window.restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    else
        window.resize(1240, 760);
    if (settings.contains(QStringLiteral("mainWindow/splitter")))
        splitter.restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    if (settings.contains(QStringLiteral("mainWindow/queueHeader")))
        queueHeader.restoreState(settings.value(QStringLiteral("mainWindow/queueHeader")).toByteArray());
    return settings.value(QStringLiteral("mainWindow/view")).toString();
}

void save(const QMainWindow& window, const QSplitter& splitter, const QHeaderView& queueHeader, const QString& viewId)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/splitter"), splitter.saveState());
    settings.setValue(QStringLiteral("mainWindow/queueHeader"), queueHeader.saveState());
    settings.setValue(QStringLiteral("mainWindow/view"), viewId);
}

} // namespace gongdan::LayoutMemory
