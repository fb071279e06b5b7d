#pragma once

#include "ui/attachment/AttachmentChip.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QMimeData;
class QScrollArea;

namespace gongdan {

/// A list of files as chips (ui/attachment/AttachmentChip), two to a row, with a line for what went wrong;
/// files dropped on it are offered to its owner (`filesDropped`). The ticket editor shows the
/// conversation's files in one; the attachment field edits its value in another.
class AttachmentStrip : public QWidget {
    Q_OBJECT

public:
    AttachmentStrip(const AttachmentAccess& files, QWidget* parent = nullptr);

    void setFiles(const QList<AttachmentRef>& files);
    const QList<AttachmentRef>& files() const { return m_refs; }
    /// Chips get a remove button (`removeRequested` names the file).
    void setRemovable(bool removable);
    QList<AttachmentChip*> chips() const { return m_chips; }
    void showError(const QString& message);
    void retranslate();
    /// Lets `widget` take dropped files for this strip too (the conversation above it, say).
    void acceptDropsOn(QWidget* widget);

Q_SIGNALS:
    void filesDropped(const QStringList& paths);
    void removeRequested(const gongdan::AttachmentRef& ref);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AttachmentAccess m_files;
    QList<AttachmentRef> m_refs;
    QList<AttachmentChip*> m_chips;
    QScrollArea* m_scroll;
    QGridLayout* m_grid = nullptr;
    QLabel* m_error;
    bool m_removable = false;
};

/// The local files in a drag's data (what a file manager drags); empty when there are none.
QStringList droppedFiles(const QMimeData* data);

} // namespace gongdan
