#pragma once

#include <QString>

class QHeaderView;
class QMainWindow;
class QSplitter;

namespace gongdan {

/// What the main window remembers between sessions (QSettings, "mainWindow/…"): its geometry, the
/// splitter, the queue's columns and sort, and the open view.
namespace LayoutMemory {
/// Restores what was saved (a default size the first time); the view that was open, or empty.
QString restore(QMainWindow& window, QSplitter& splitter, QHeaderView& queueHeader);
void save(const QMainWindow& window, const QSplitter& splitter, const QHeaderView& queueHeader, const QString& viewId);
} // namespace LayoutMemory

} // namespace gongdan
