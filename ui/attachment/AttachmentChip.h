#pragma once

#include "domain/Result.h"
#include "domain/Ticket.h"

#include <QFrame>
#include <QPoint>
#include <QUrl>
#include <functional>

class QLabel;
class QToolButton;

namespace gongdan {

class AttachmentStore;
class AttachmentTransfer;

/// Where attachments are kept and how their bytes move: the store and the transfer job (the
/// WorkstationCore's), handed to every widget that shows or adds files.
struct AttachmentAccess {
    AttachmentStore& store;
    AttachmentTransfer& transfer;
};

/// One file on a ticket as the agent sees it: a thumbnail for images (else the type's icon), the name,
/// size and where its bytes are (waiting to upload, uploading, on the server, downloading, not available
/// offline). Double-click or "Open" opens a temporary copy with the system's application; "Save as…"
/// writes it where the agent chooses; dragging it out drops a copy. Bytes not on this desk are fetched
/// first (a preview fetches its image).
class AttachmentChip : public QFrame {
    Q_OBJECT

public:
    AttachmentChip(const AttachmentAccess& files, AttachmentRef ref, QWidget* parent = nullptr);
    ~AttachmentChip() override;

    const AttachmentRef& ref() const { return m_ref; }
    /// Shows a remove button ("chipRemove"): the chip asks, its owner removes it.
    void setRemovable(bool removable);
    /// Opens the file with the system's application (after fetching it when needed).
    void open();
    /// Asks where to save the file (a window-modal dialog), then writes it there.
    void saveAs();
    /// Writes the file's bytes to `path`; the bytes must be on this desk.
    Status saveTo(const QString& path);
    /// How the file is opened; the system's default (QDesktopServices::openUrl) unless replaced (tests).
    void setOpener(std::function<bool(const QUrl&)> opener) { m_opener = std::move(opener); }
    QString stateText() const;
    /// A temporary copy of the file under its own name, for opening and dragging; empty when not here.
    QString temporaryCopy();
    void retranslate();

Q_SIGNALS:
    void removeRequested();
    /// Something went wrong (the file could not be fetched, written or opened): for the window to say.
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    enum class Pending { None, Open, Save, Preview };
    void refresh();
    void showPreview();
    /// Runs `then` once the bytes are here (at once when they are).
    void whenLocal(Pending pending);
    void fetched(const QString& sha256);
    void afterFetch(Pending pending);

    AttachmentAccess m_files;
    AttachmentRef m_ref;
    QLabel* m_thumb;
    QLabel* m_name;
    QLabel* m_state;
    QToolButton* m_open;
    QToolButton* m_save;
    QToolButton* m_remove;
    Pending m_pending = Pending::None;
    QString m_savePath;
    int m_percent = -1;
    bool m_previewShown = false;
    QPoint m_pressAt;
    std::function<bool(const QUrl&)> m_opener;
};

} // namespace gongdan
