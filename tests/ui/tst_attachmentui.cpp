// Attachments in the ticket window: files attached through the composer (or dropped on the conversation)
// appear as chips with name, size and state, an image with its preview; "Save as…" writes the same bytes,
// double-click opens a copy with the same bytes, a file over the limit is refused by name and limit with
// the typed text kept, and the attachment custom field adds, lists and removes files.
#include "storage/AttachmentStore.h"
#include "sync/AttachmentTransfer.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "ui/attachment/AttachmentStrip.h"
#include "ui/form/AttachmentFieldEditor.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketComposer.h"
#include "ui/ticket/TicketEditor.h"

#include <QApplication>
#include <QDropEvent>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace gongdan;
using namespace gongdan::test;

class TestAttachmentUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void attachedFilesBecomeChipsWithAPreview();
    void saveAsAndOpenGiveTheSameBytes();
    void droppingFilesOnTheConversationAttachesThem();
    void aFileOverTheLimitIsRefusedAndTheTextStays();
    void attachmentFieldAddsAndRemovesFiles();

private:
    TicketEditor* openTicket();
    AttachmentChip* chip(TicketEditor* editor, const QString& name);
    /// Sends a comment with a PNG and a PDF; their paths.
    QStringList sendImageAndPdf(TicketEditor* editor);

    DemoDesk m_desk;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_files;
    QString m_ticketId;
};

void TestAttachmentUi::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestAttachments"), 50));
    QVERIFY(m_files.isValid());
    // A photo of a meter: something a preview visibly shows.
    QImage photo(640, 480, QImage::Format_RGB32);
    photo.fill(QColor(QStringLiteral("#1565c0")));
    QPainter painter(&photo);
    painter.setBrush(QColor(QStringLiteral("#ffca28")));
    painter.drawEllipse(QPoint(320, 240), 180, 180);
    painter.end();
    QVERIFY(photo.save(m_files.filePath(QStringLiteral("meter.png"))));
    QFile pdf(m_files.filePath(QString::fromUtf8("报价单.pdf")));
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    pdf.write(QByteArray(40000, 'x'));
}

void TestAttachmentUi::init()
{
    m_desk.store->db().exec(QStringLiteral("DELETE FROM attachment_limit"));
    m_window = std::make_unique<MainWindow>(m_desk.core(), DemoDesk::agent, m_desk.languages);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto created = m_desk.store->tickets().create(
        draftTicket(QString::fromUtf8("电表读数异常"), QString::fromUtf8("见照片")), DemoDesk::agent.principal());
    QVERIFY(created.ok());
    m_ticketId = created.value().id;
}

void TestAttachmentUi::cleanup()
{
    m_window.reset();
    QVERIFY(m_desk.forgetOpenWork());
}

TicketEditor* TestAttachmentUi::openTicket()
{
    return m_window->workTabs()->openTicket(m_ticketId);
}

AttachmentChip* TestAttachmentUi::chip(TicketEditor* editor, const QString& name)
{
    for (AttachmentChip* chip : editor->findChildren<AttachmentChip*>(QStringLiteral("attachmentChip"))) {
        if (chip->ref().fileName == name && chip->isVisible())
            return chip;
    }
    return nullptr;
}

QStringList TestAttachmentUi::sendImageAndPdf(TicketEditor* editor)
{
    const QStringList paths {
        m_files.filePath(QStringLiteral("meter.png")), m_files.filePath(QString::fromUtf8("报价单.pdf"))};
    auto* composer = editor->findChild<TicketComposer*>(QStringLiteral("composer"));
    composer->findChild<QPlainTextEdit*>(QStringLiteral("composerText"))
        ->setPlainText(QString::fromUtf8("现场照片和报价"));
    composer->attachFiles(paths);
    if (!composer->send())
        qWarning("%s", qPrintable(composer->findChild<QLabel*>(QStringLiteral("composerError"))->text()));
    return paths;
}

void TestAttachmentUi::attachedFilesBecomeChipsWithAPreview()
{
    TicketEditor* editor = openTicket();
    QVERIFY(editor);
    QVERIFY(editor->findChildren<AttachmentChip*>().isEmpty());
    sendImageAndPdf(editor);
    QTRY_VERIFY(chip(editor, QStringLiteral("meter.png")));
    AttachmentChip* image = chip(editor, QStringLiteral("meter.png"));
    AttachmentChip* pdf = chip(editor, QString::fromUtf8("报价单.pdf"));
    QVERIFY(pdf);
    auto* preview = image->findChild<QLabel*>(QStringLiteral("chipPreview"));
    QVERIFY(preview);
    QVERIFY(!preview->pixmap().isNull());
    QVERIFY(!pdf->findChild<QLabel*>(QStringLiteral("chipPreview"))); // a PDF shows its type's icon
    // Name, size and state: added here, not signed in, so waiting to go up.
    const QString pdfState = pdf->findChild<QLabel*>(QStringLiteral("chipState"))->text();
    QVERIFY2(pdfState.contains(QStringLiteral("KB")) || pdfState.contains(QStringLiteral("kB")), qPrintable(pdfState));
    QCOMPARE(pdf->stateText(), pdf->tr("Waiting to upload"));
    // An upload broken off at 40 % says how far it got while it waits to resume.
    Q_EMIT m_desk.core().transfer().progress(pdf->ref().sha256, 40, 100);
    QCOMPARE(pdf->stateText(), pdf->tr("Waiting to upload · %1% sent").arg(40));
    QVERIFY(m_desk.store->db().exec(QStringLiteral("SELECT 1")).ok());
    if (const QString dir = qEnvironmentVariable("GONGDAN_SCREENSHOTS"); !dir.isEmpty())
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("ticket-attachments.png"))));
}

void TestAttachmentUi::saveAsAndOpenGiveTheSameBytes()
{
    TicketEditor* editor = openTicket();
    const QStringList paths = sendImageAndPdf(editor);
    QTRY_VERIFY(chip(editor, QString::fromUtf8("报价单.pdf")));
    AttachmentChip* pdf = chip(editor, QString::fromUtf8("报价单.pdf"));
    QFile original(paths.at(1));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();

    // "Save as…": the agent picks a place in the dialog.
    QTest::mouseClick(pdf->findChild<QToolButton*>(QStringLiteral("chipSave")), Qt::LeftButton);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = editor->window()->findChild<QFileDialog*>(QStringLiteral("saveAttachmentDialog"))));
    const QString target = m_files.filePath(QStringLiteral("saved-copy.pdf"));
    dialog->selectFile(target);
    static_cast<QDialog*>(dialog)->accept();
    QTRY_VERIFY(QFile::exists(target));
    QFile saved(target);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), bytes);

    // Double-click: a temporary copy under the file's own name goes to the system's application.
    QUrl opened;
    pdf->setOpener([&opened](const QUrl& url) {
        opened = url;
        return true;
    });
    QTest::mouseDClick(pdf, Qt::LeftButton);
    QTRY_VERIFY(opened.isValid());
    QCOMPARE(QFileInfo(opened.toLocalFile()).fileName(), QString::fromUtf8("报价单.pdf"));
    QFile copy(opened.toLocalFile());
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), bytes);
}

void TestAttachmentUi::droppingFilesOnTheConversationAttachesThem()
{
    TicketEditor* editor = openTicket();
    auto* composer = editor->findChild<TicketComposer*>(QStringLiteral("composer"));
    QWidget* timeline = editor->findChild<QListView*>(QStringLiteral("timeline"))->viewport();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_files.filePath(QStringLiteral("meter.png")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &drop);
    QCOMPARE(composer->attachedFiles(), QStringList {m_files.filePath(QStringLiteral("meter.png"))});
    // On the composer's text too: attached, not pasted as a path.
    auto* text = composer->findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    data.setUrls({QUrl::fromLocalFile(m_files.filePath(QString::fromUtf8("报价单.pdf")))});
    QDragEnterEvent enterText(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(text->viewport(), &enterText);
    QVERIFY(enterText.isAccepted());
    QDropEvent onText(QPointF(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(text->viewport(), &onText);
    QCOMPARE(composer->attachedFiles().size(), 2);
    QVERIFY(text->toPlainText().isEmpty());
    QVERIFY(composer->send());
    QTRY_VERIFY(chip(editor, QString::fromUtf8("报价单.pdf")));
}

void TestAttachmentUi::aFileOverTheLimitIsRefusedAndTheTextStays()
{
    QVERIFY(m_desk.store->db().exec(QStringLiteral("INSERT INTO attachment_limit(id, bytes) VALUES (1, 20000)")).ok());
    TicketEditor* editor = openTicket();
    auto* composer = editor->findChild<TicketComposer*>(QStringLiteral("composer"));
    auto* text = composer->findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    QTest::keyClicks(text, QStringLiteral("see the quote"));
    composer->attachFiles(
        {m_files.filePath(QString::fromUtf8("报价单.pdf")), m_files.filePath(QStringLiteral("meter.png"))});
    auto* error = composer->findChild<QLabel*>(QStringLiteral("composerError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QString::fromUtf8("报价单.pdf")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("20")), qPrintable(error->text())); // the limit, 20 KB
    QCOMPARE(composer->attachedFiles(), QStringList {m_files.filePath(QStringLiteral("meter.png"))});
    QCOMPARE(text->toPlainText(), QStringLiteral("see the quote"));
}

void TestAttachmentUi::attachmentFieldAddsAndRemovesFiles()
{
    FieldDefinition definition;
    definition.key = QStringLiteral("site_photos");
    definition.type = FieldType::Attachment;
    definition.labelZh = QString::fromUtf8("现场照片");
    definition.labelEn = QStringLiteral("Site photos");
    AttachmentAccess files {m_desk.core().attachments(), m_desk.core().transfer()};
    std::unique_ptr<FieldEditor> editor(FieldEditor::create(definition, true, m_desk.store->clock, nullptr, &files));
    auto* field = qobject_cast<AttachmentFieldEditor*>(editor.get());
    QVERIFY(field);
    editor->show();
    QVERIFY(editor->findChild<QPushButton*>(QStringLiteral("fieldAddFiles"))->isVisible());
    QSignalSpy edited(editor.get(), &FieldEditor::edited);
    field->addFiles({m_files.filePath(QStringLiteral("meter.png"))});
    QCOMPARE(edited.size(), 1);
    const QJsonArray value = editor->value().toArray();
    QCOMPARE(value.size(), 1);
    const auto ref = AttachmentRef::fromJson(value.first());
    QVERIFY(ref);
    QCOMPARE(ref->fileName, QStringLiteral("meter.png"));
    QVERIFY(m_desk.core().attachments().hasLocal(ref->sha256)); // stored, queued for upload
    QList<AttachmentChip*> chips = editor->findChildren<AttachmentChip*>();
    QCOMPARE(chips.size(), 1);
    QTest::mouseClick(chips.first()->findChild<QToolButton*>(QStringLiteral("chipRemove")), Qt::LeftButton);
    QCOMPARE(edited.size(), 2);
    QVERIFY(editor->value().isNull());
    // Read-only for this role: no adding, no removing.
    field->setValue(value);
    editor->setReadOnly(true);
    QVERIFY(!editor->findChild<QPushButton*>(QStringLiteral("fieldAddFiles"))->isVisible());
    QVERIFY(!editor->findChild<QToolButton*>(QStringLiteral("chipRemove"))->isVisible());
}

QTEST_MAIN(TestAttachmentUi)
#include "tst_attachmentui.moc"
