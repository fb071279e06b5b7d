#include "ui/attachment/AttachmentStrip.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QScrollArea>
#include <QVBoxLayout>

namespace gongdan {

QStringList droppedFiles(const QMimeData* data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl& url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

AttachmentStrip::AttachmentStrip(const AttachmentAccess& files, QWidget* parent)
    : QWidget(parent), m_files(files), m_scroll(new QScrollArea(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("attachmentStrip"));
    setAcceptDrops(true);
    m_error->setObjectName(QStringLiteral("attachmentError"));
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    // Many files scroll: two rows stay in sight, the conversation above keeps its room.
    auto* inner = new QWidget;
    m_grid = new QGridLayout(inner);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(4);
    m_scroll->setWidget(inner);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_scroll);
    layout->addWidget(m_error);
    hide();
}

void AttachmentStrip::setFiles(const QList<AttachmentRef>& files)
{
    const bool same = files.size() == m_refs.size()
        && std::equal(
            files.cbegin(), files.cend(), m_refs.cbegin(), [](const AttachmentRef& a, const AttachmentRef& b) {
                return a.sha256 == b.sha256 && a.fileName == b.fileName;
            });
    if (same)
        return; // the chips keep what they are doing (a download, an open waiting for it)
    qDeleteAll(m_chips);
    m_chips.clear();
    m_refs = files;
    for (const AttachmentRef& ref : files) {
        auto* chip = new AttachmentChip(m_files, ref, this);
        chip->setRemovable(m_removable);
        connect(chip, &AttachmentChip::failed, this, &AttachmentStrip::showError);
        connect(chip, &AttachmentChip::removeRequested, this, [this, ref] { Q_EMIT removeRequested(ref); });
        const int index = static_cast<int>(m_chips.size());
        m_grid->addWidget(chip, index / 2, index % 2);
        m_chips.append(chip);
    }
    const int rows = static_cast<int>(std::min<qsizetype>((m_chips.size() + 1) / 2, 2));
    const int rowHeight = m_chips.isEmpty() ? 0 : m_chips.first()->sizeHint().height();
    m_scroll->setFixedHeight(rows * rowHeight + std::max(0, rows - 1) * m_grid->spacing());
    setVisible(!files.isEmpty() || !m_error->isHidden());
}

void AttachmentStrip::setRemovable(bool removable)
{
    m_removable = removable;
    for (AttachmentChip* chip : std::as_const(m_chips))
        chip->setRemovable(removable);
}

void AttachmentStrip::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    setVisible(!m_refs.isEmpty() || !message.isEmpty());
}

void AttachmentStrip::retranslate()
{
    for (AttachmentChip* chip : std::as_const(m_chips))
        chip->retranslate();
}

void AttachmentStrip::acceptDropsOn(QWidget* widget)
{
    widget->setAcceptDrops(true);
    widget->installEventFilter(this);
}

void AttachmentStrip::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void AttachmentStrip::dropEvent(QDropEvent* event)
{
    const QStringList paths = droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

bool AttachmentStrip::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (droppedFiles(drag->mimeData()).isEmpty())
            return false;
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = droppedFiles(drop->mimeData());
        if (paths.isEmpty())
            return false;
        drop->acceptProposedAction();
        Q_EMIT filesDropped(paths);
        return true;
    }
    default:
        return QWidget::eventFilter(watched, event);
    }
}

} // namespace gongdan
