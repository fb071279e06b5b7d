#include "ui/ticket/TicketComposer.h"

#include "storage/AttachmentStore.h"
#include "storage/TicketRepository.h"
#include "ui/attachment/AttachmentStrip.h"

#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace gongdan {

TicketComposer::TicketComposer(const Workstation& workstation, QWidget* parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_public(new QRadioButton(this))
    , m_internal(new QRadioButton(this))
    , m_text(new QPlainTextEdit(this))
    , m_attachments(new QLabel(this))
    , m_error(new QLabel(this))
    , m_attach(new QPushButton(this))
    , m_send(new QPushButton(this))
{
    setObjectName(QStringLiteral("composer"));
    m_public->setObjectName(QStringLiteral("composerPublic"));
    m_internal->setObjectName(QStringLiteral("composerInternal"));
    m_text->setObjectName(QStringLiteral("composerText"));
    m_attachments->setObjectName(QStringLiteral("composerAttachments"));
    m_error->setObjectName(QStringLiteral("composerError"));
    m_attach->setObjectName(QStringLiteral("composerAttach"));
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_public->setChecked(true);
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(110);
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_attachments->setWordWrap(true);
    setAcceptDrops(true);
    m_text->viewport()->setAcceptDrops(true);
    m_text->viewport()->installEventFilter(this);

    auto* kind = new QHBoxLayout;
    kind->addWidget(m_public);
    kind->addWidget(m_internal);
    kind->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_attachments, 1);
    buttons->addWidget(m_attach);
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(kind);
    layout->addWidget(m_text);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        m_error->hide();
        Q_EMIT edited();
    });
    connect(m_internal, &QRadioButton::toggled, this, [this](bool internal) {
        // An internal note is tinted so it is never mistaken for a reply the customer will read.
        m_text->setStyleSheet(internal ? QStringLiteral("QPlainTextEdit{background:#fff8e1}") : QString());
        Q_EMIT edited();
    });
    connect(m_send, &QPushButton::clicked, this, &TicketComposer::send);
    connect(m_attach, &QPushButton::clicked, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Attach files"));
        dialog->setObjectName(QStringLiteral("attachDialog"));
        dialog->setFileMode(QFileDialog::ExistingFiles);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::filesSelected, this, &TicketComposer::attachFiles);
        dialog->open();
    });
    auto* sendKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendKey, &QShortcut::activated, this, &TicketComposer::send);
    retranslate();
}

void TicketComposer::retranslate()
{
    m_public->setText(tr("Reply to customer"));
    m_internal->setText(tr("Internal note"));
    m_text->setPlaceholderText(tr("Write a reply or an internal note; Ctrl+Enter sends"));
    m_text->setAccessibleName(tr("Reply text"));
    m_attach->setText(tr("Attach…"));
    m_attach->setToolTip(tr("Attach files to this reply"));
    m_send->setText(tr("Send (Ctrl+Enter)"));
    showAttachments();
}

void TicketComposer::attachFiles(const QStringList& paths)
{
    // A file over the limit is refused now, by name, size and limit; the others and the text stay.
    QStringList refusals;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable()) {
            refusals.append(tr("\"%1\" cannot be read.").arg(info.fileName()));
            continue;
        }
        if (Status fits = m_ws.attachments.checkSize(info.fileName(), info.size()); !fits) {
            refusals.append(fits.error().message);
            continue;
        }
        if (!m_files.contains(path))
            m_files.append(path);
    }
    m_error->setText(refusals.join(QLatin1Char('\n')));
    m_error->setVisible(!refusals.isEmpty());
    showAttachments();
    Q_EMIT edited();
}

bool TicketComposer::eventFilter(QObject* watched, QEvent* event)
{
    // Files dropped on the text are attached, not pasted as their paths.
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove || event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = droppedFiles(drop->mimeData());
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            if (event->type() == QEvent::Drop)
                attachFiles(paths);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TicketComposer::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void TicketComposer::dropEvent(QDropEvent* event)
{
    const QStringList paths = droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    attachFiles(paths);
}

void TicketComposer::showAttachments()
{
    QStringList names;
    for (const QString& path : std::as_const(m_files))
        names.append(QFileInfo(path).fileName());
    m_attachments->setText(names.isEmpty() ? QString() : tr("Attached: %1").arg(names.join(QStringLiteral(", "))));
}

bool TicketComposer::isEmpty() const
{
    return m_text->toPlainText().trimmed().isEmpty() && m_files.isEmpty();
}

bool TicketComposer::send()
{
    QList<AttachmentRef> refs;
    const QMimeDatabase mimes;
    for (const QString& path : std::as_const(m_files)) {
        QFile file(path);
        Status fits = m_ws.attachments.checkSize(QFileInfo(path).fileName(), file.size());
        if (!fits || !file.open(QIODevice::ReadOnly)) {
            m_error->setText(!fits
                    ? fits.error().message
                    : tr("\"%1\" cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString()));
            m_error->show();
            return false;
        }
        auto stored
            = m_ws.attachments.put(file.readAll(), QFileInfo(path).fileName(), mimes.mimeTypeForFile(path).name());
        if (!stored) {
            m_error->setText(stored.error().message);
            m_error->show();
            return false;
        }
        refs.append(stored.value());
    }
    const auto visibility = m_internal->isChecked() ? CommentVisibility::Internal : CommentVisibility::Public;
    auto comment = m_ws.tickets.addComment(
        m_ticketId, visibility, m_text->toPlainText().trimmed(), refs, m_ws.session.principal());
    if (!comment) {
        m_error->setText(comment.error().message);
        m_error->show();
        m_text->setFocus();
        return false;
    }
    m_text->clear();
    m_files.clear();
    showAttachments();
    m_error->hide();
    Q_EMIT sent();
    return true;
}

QJsonObject TicketComposer::snapshot() const
{
    return QJsonObject {{QStringLiteral("text"), m_text->toPlainText()},
        {QStringLiteral("internal"), m_internal->isChecked()},
        {QStringLiteral("files"), QJsonArray::fromStringList(m_files)}};
}

void TicketComposer::applySnapshot(const QJsonObject& snapshot)
{
    m_text->setPlainText(snapshot.value(QStringLiteral("text")).toString());
    (snapshot.value(QStringLiteral("internal")).toBool() ? m_internal : m_public)->setChecked(true);
    m_files.clear();
    for (const QJsonValue& file : snapshot.value(QStringLiteral("files")).toArray())
        m_files.append(file.toString());
    showAttachments();
}

} // namespace gongdan
