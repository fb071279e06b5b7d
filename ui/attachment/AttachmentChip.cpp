#include "ui/attachment/AttachmentChip.h"

#include "storage/AttachmentStore.h"
#include "sync/AttachmentTransfer.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDrag>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QMouseEvent>
#include <QPixmap>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace gongdan {

namespace {

constexpr int kThumbWidth = 96;
constexpr int kThumbHeight = 72;

} // namespace

AttachmentChip::AttachmentChip(const AttachmentAccess& files, AttachmentRef ref, QWidget* parent)
    : QFrame(parent)
    , m_files(files)
    , m_ref(std::move(ref))
    , m_thumb(new QLabel(this))
    , m_name(new QLabel(this))
    , m_state(new QLabel(this))
    , m_open(new QToolButton(this))
    , m_save(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_opener([](const QUrl& url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("attachmentChip"));
    setProperty("sha256", m_ref.sha256);
    m_files.store.hold(m_ref.sha256); // shown: never evicted from the cache meanwhile
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::OpenHandCursor);
    m_thumb->setObjectName(QStringLiteral("chipThumb"));
    m_name->setObjectName(QStringLiteral("chipName"));
    m_state->setObjectName(QStringLiteral("chipState"));
    m_open->setObjectName(QStringLiteral("chipOpen"));
    m_save->setObjectName(QStringLiteral("chipSave"));
    m_remove->setObjectName(QStringLiteral("chipRemove"));
    m_thumb->setAlignment(Qt::AlignCenter);
    m_thumb->setFixedSize(kThumbWidth, kThumbHeight);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setStyleSheet(QStringLiteral("font-weight:600"));
    m_state->setStyleSheet(QStringLiteral("color:palette(mid)"));
    m_state->setWordWrap(true);
    m_remove->setText(QStringLiteral("×"));
    m_remove->hide();

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_name);
    text->addWidget(m_state);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    text->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_thumb);
    layout->addLayout(text, 1);
    layout->addWidget(m_remove, 0, Qt::AlignTop);

    connect(m_open, &QToolButton::clicked, this, &AttachmentChip::open);
    connect(m_save, &QToolButton::clicked, this, &AttachmentChip::saveAs);
    connect(m_remove, &QToolButton::clicked, this, &AttachmentChip::removeRequested);
    AttachmentTransfer* transfer = &m_files.transfer;
    connect(transfer, &AttachmentTransfer::stateChanged, this, [this](const QString& sha256) {
        if (sha256 == m_ref.sha256)
            refresh();
    });
    connect(transfer, &AttachmentTransfer::progress, this, [this](const QString& sha256, qint64 done, qint64 total) {
        if (sha256 != m_ref.sha256 || total <= 0)
            return;
        m_percent = static_cast<int>(done * 100 / total);
        refresh();
    });
    connect(transfer, &AttachmentTransfer::fetched, this, &AttachmentChip::fetched);
    connect(transfer, &AttachmentTransfer::cacheTrimmed, this, &AttachmentChip::refresh);
    connect(transfer, &AttachmentTransfer::fetchFailed, this, [this](const QString& sha256, const QString& message) {
        if (sha256 != m_ref.sha256 || m_pending == Pending::None)
            return;
        const Pending was = std::exchange(m_pending, Pending::None);
        refresh();
        if (was != Pending::Preview)
            Q_EMIT failed(message);
    });
    retranslate();
    showPreview();
}

AttachmentChip::~AttachmentChip()
{
    m_files.store.release(m_ref.sha256);
}

void AttachmentChip::retranslate()
{
    m_open->setText(tr("Open"));
    m_open->setToolTip(tr("Open with the system's application (or double-click)"));
    m_save->setText(tr("Save as…"));
    m_remove->setToolTip(tr("Remove this file"));
    m_remove->setAccessibleName(tr("Remove %1").arg(m_ref.fileName));
    setToolTip(tr("Drag out to copy the file; double-click to open it"));
    refresh();
}

void AttachmentChip::setRemovable(bool removable)
{
    m_remove->setVisible(removable);
}

QString AttachmentChip::stateText() const
{
    const AttachmentState state = m_files.store.state(m_ref.sha256);
    const auto activity = m_files.transfer.activity(m_ref.sha256);
    const QString percent = m_percent >= 0 ? QStringLiteral(" %1%").arg(m_percent) : QString();
    if (!state.refused.isEmpty())
        return tr("Not sent: the team server refused it");
    if (activity == AttachmentTransfer::Activity::Uploading)
        return tr("Uploading…") + percent;
    if (activity == AttachmentTransfer::Activity::Downloading)
        return tr("Downloading…") + percent;
    if (state.local && !state.uploaded) // a broken-off upload resumes from what the server kept
        return m_percent > 0 ? tr("Waiting to upload · %1% sent").arg(m_percent) : tr("Waiting to upload");
    if (state.local)
        return state.pinned ? tr("On the server · kept offline") : tr("On the server");
    if (!m_files.transfer.running() || m_files.transfer.offline())
        return tr("Not available offline");
    return tr("On the server · downloads when opened");
}

void AttachmentChip::refresh()
{
    const QLocale locale;
    m_name->setText(m_ref.fileName);
    m_state->setText(locale.formattedDataSize(m_ref.size, 1, QLocale::DataSizeTraditionalFormat) + QStringLiteral(" · ")
        + stateText());
    setAccessibleName(m_ref.fileName);
    setAccessibleDescription(m_state->text());
    if (!m_previewShown && m_thumb->pixmap().isNull()) {
        const QMimeType type = QMimeDatabase().mimeTypeForName(m_ref.mimeType);
        const QIcon icon = QIcon::fromTheme(
            type.iconName(), QIcon::fromTheme(type.genericIconName(), style()->standardIcon(QStyle::SP_FileIcon)));
        m_thumb->setPixmap(icon.pixmap(48, 48));
    }
    if (!m_previewShown && m_ref.mimeType.startsWith(QLatin1String("image/")) && m_files.store.hasLocal(m_ref.sha256))
        showPreview();
}

void AttachmentChip::showPreview()
{
    if (m_previewShown || !m_ref.mimeType.startsWith(QLatin1String("image/")))
        return;
    if (!m_files.store.hasLocal(m_ref.sha256)) {
        if (m_files.transfer.running() && m_pending == Pending::None)
            whenLocal(Pending::Preview); // the preview fetches its image
        return;
    }
    auto bytes = m_files.store.get(m_ref.sha256);
    if (!bytes)
        return;
    QImage image = QImage::fromData(bytes.value());
    if (image.isNull())
        return;
    m_previewShown = true;
    m_thumb->setObjectName(QStringLiteral("chipPreview"));
    m_thumb->setPixmap(
        QPixmap::fromImage(image.scaled(kThumbWidth, kThumbHeight, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void AttachmentChip::whenLocal(Pending pending)
{
    if (m_files.store.hasLocal(m_ref.sha256))
        return afterFetch(pending);
    m_pending = pending;
    m_files.transfer.fetch(m_ref);
    refresh();
}

void AttachmentChip::fetched(const QString& sha256)
{
    if (sha256 != m_ref.sha256)
        return;
    const Pending pending = std::exchange(m_pending, Pending::None);
    m_percent = -1;
    refresh();
    if (pending != Pending::None)
        afterFetch(pending);
}

void AttachmentChip::afterFetch(Pending pending)
{
    switch (pending) {
    case Pending::Open: {
        const QString path = temporaryCopy();
        if (path.isEmpty() || !m_opener(QUrl::fromLocalFile(path)))
            Q_EMIT failed(tr("\"%1\" could not be opened.").arg(m_ref.fileName));
        break;
    }
    case Pending::Save:
        if (Status saved = saveTo(m_savePath); !saved)
            Q_EMIT failed(saved.error().message);
        break;
    case Pending::Preview:
        showPreview();
        break;
    case Pending::None:
        break;
    }
}

void AttachmentChip::open()
{
    whenLocal(Pending::Open);
}

void AttachmentChip::saveAs()
{
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).filePath(m_ref.fileName);
    auto* dialog = new QFileDialog(this, tr("Save attachment"), suggested);
    dialog->setObjectName(QStringLiteral("saveAttachmentDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        m_savePath = path;
        whenLocal(Pending::Save);
    });
    dialog->open(); // window-modal, no nested event loop
}

Status AttachmentChip::saveTo(const QString& path)
{
    auto bytes = m_files.store.get(m_ref.sha256);
    if (!bytes)
        return bytes.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes.value().size() || !file.commit())
        return Error {QStringLiteral("attachment.write"),
            tr("\"%1\" could not be saved: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    return {};
}

QString AttachmentChip::temporaryCopy()
{
    auto bytes = m_files.store.get(m_ref.sha256);
    if (!bytes)
        return {};
    // One folder per content: the copy keeps the file's own name (the application shows it) and is written once.
    const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                            .filePath(QStringLiteral("gongdan-attachments/") + m_ref.sha256.left(16));
    QString name = QFileInfo(m_ref.fileName).fileName();
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QStringLiteral("attachment"));
    const QString path = QDir(dir).filePath(name);
    if (QFileInfo(path).size() == bytes.value().size())
        return path;
    if (!QDir().mkpath(dir))
        return {};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes.value().size() || !file.commit())
        return {};
    return path;
}

void AttachmentChip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void AttachmentChip::mouseDoubleClickEvent(QMouseEvent* event)
{
    QFrame::mouseDoubleClickEvent(event);
    open();
}

void AttachmentChip::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        m_pressAt = event->position().toPoint();
    QFrame::mousePressEvent(event);
}

void AttachmentChip::mouseMoveEvent(QMouseEvent* event)
{
    QFrame::mouseMoveEvent(event);
    if (!(event->buttons() & Qt::LeftButton)
        || (event->position().toPoint() - m_pressAt).manhattanLength() < QApplication::startDragDistance())
        return;
    const QString path = temporaryCopy();
    if (path.isEmpty()) { // not here yet: fetched now, dragged once it is
        whenLocal(Pending::None);
        return;
    }
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    if (!m_thumb->pixmap().isNull())
        drag->setPixmap(m_thumb->pixmap());
    drag->exec(Qt::CopyAction); // the platform's drag loop: the only way Qt starts a drag
}

} // namespace gongdan
