#include "ui/form/AttachmentFieldEditor.h"

#include "storage/AttachmentStore.h"
#include "ui/attachment/AttachmentStrip.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPushButton>
#include <QVBoxLayout>

namespace gongdan {

AttachmentFieldEditor::AttachmentFieldEditor(
    const FieldDefinition& definition, const AttachmentAccess* files, QWidget* parent)
    : FieldEditor(definition, parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (!files) {
        m_list = new QListWidget(this);
        layout->addWidget(m_list);
        setFocusProxy(m_list);
        m_list->setFixedHeight(m_list->fontMetrics().height() * 2 + 14);
        return;
    }
    m_files.emplace(*files);
    m_strip = new AttachmentStrip(*m_files, this);
    m_strip->setRemovable(true);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("fieldAddFiles"));
    layout->addWidget(m_strip);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    setFocusProxy(m_add);
    setAcceptDrops(true);
    m_strip->acceptDropsOn(this);
    connect(m_strip, &AttachmentStrip::filesDropped, this, [this](const QStringList& paths) {
        if (!m_readOnly)
            addFiles(paths);
    });
    connect(m_strip, &AttachmentStrip::removeRequested, this, &AttachmentFieldEditor::remove);
    connect(m_add, &QPushButton::clicked, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Add files"));
        dialog->setObjectName(QStringLiteral("fieldFilesDialog"));
        dialog->setFileMode(QFileDialog::ExistingFiles);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::filesSelected, this, &AttachmentFieldEditor::addFiles);
        dialog->open(); // window-modal, no nested event loop
    });
    changeEvent(nullptr);
}

void AttachmentFieldEditor::changeEvent(QEvent* event)
{
    if (m_add && (!event || event->type() == QEvent::LanguageChange))
        m_add->setText(tr("Add files…"));
    if (event)
        FieldEditor::changeEvent(event);
}

QJsonValue AttachmentFieldEditor::value() const
{
    return m_value.isEmpty() ? QJsonValue() : QJsonValue(m_value);
}

void AttachmentFieldEditor::setValue(const QJsonValue& value)
{
    m_value = value.toArray();
    showFiles();
}

QList<AttachmentRef> AttachmentFieldEditor::refs() const
{
    QList<AttachmentRef> refs;
    for (const QJsonValue& item : m_value) {
        if (const auto ref = AttachmentRef::fromJson(item))
            refs.append(*ref);
    }
    return refs;
}

void AttachmentFieldEditor::showFiles()
{
    if (m_list) {
        m_list->clear();
        for (const QJsonValue& item : std::as_const(m_value))
            m_list->addItem(item.toObject().value(QStringLiteral("name")).toString());
        return;
    }
    m_strip->setFiles(refs());
    m_strip->setVisible(!m_value.isEmpty());
}

void AttachmentFieldEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (m_list)
        return m_list->setEnabled(!readOnly);
    m_add->setVisible(!readOnly);
    m_strip->setRemovable(!readOnly);
}

void AttachmentFieldEditor::addFiles(const QStringList& paths)
{
    if (!m_files)
        return;
    QStringList refusals;
    const QMimeDatabase mimes;
    bool added = false;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (Status fits = m_files->store.checkSize(info.fileName(), info.size()); !fits) {
            refusals.append(fits.error().message);
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            refusals.append(tr("\"%1\" cannot be read: %2").arg(info.fileName(), file.errorString()));
            continue;
        }
        auto stored = m_files->store.put(file.readAll(), info.fileName(), mimes.mimeTypeForFile(path).name());
        if (!stored) {
            refusals.append(stored.error().message);
            continue;
        }
        const bool known = std::any_of(m_value.cbegin(), m_value.cend(), [&stored](const QJsonValue& item) {
            return item.toObject().value(QStringLiteral("sha256")).toString() == stored.value().sha256;
        });
        if (!known) {
            m_value.append(stored.value().toJson());
            added = true;
        }
    }
    showFiles();
    m_strip->showError(refusals.join(QLatin1Char('\n')));
    if (added)
        Q_EMIT edited();
}

void AttachmentFieldEditor::remove(const AttachmentRef& ref)
{
    for (qsizetype i = 0; i < m_value.size(); ++i) {
        if (m_value.at(i).toObject().value(QStringLiteral("sha256")).toString() == ref.sha256) {
            m_value.removeAt(i);
            showFiles();
            Q_EMIT edited();
            return;
        }
    }
}

} // namespace gongdan
