// Related tickets in the ticket editor of the real main window: the agent links another ticket by its
// number, both tickets list each other (a click opens the other's tab), and unlinks it from either side; a
// merged ticket says where it went and its target what was merged into it, with the moved conversation in the
// target's timeline marked with its origin. Set GONGDAN_SCREENSHOTS to a folder to keep pictures of both.
#include "models/TimelineModel.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketEditor.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestRelatedTickets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void linkByNumberListsBothAndOpens();
    void aRefusedLinkIsSaidUnderTheField();
    void aMergeShowsBothWaysWithTheConversation();

private:
    QString newTicket(const QString& subject);
    /// The editor's buttons of one kind (relatedTicket, mergedInto, mergedFrom), by the number they show.
    static QPushButton* button(TicketEditor* editor, const QString& kind, const QString& number);
    static void keepPicture(QWidget* widget, const QString& name);

    DemoDesk m_desk;
    std::unique_ptr<MainWindow> m_window;
};

void TestRelatedTickets::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestRelated"), 50));
}

void TestRelatedTickets::init()
{
    m_window = std::make_unique<MainWindow>(m_desk.core(), DemoDesk::agent, m_desk.languages);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestRelatedTickets::cleanup()
{
    m_window.reset();
    QVERIFY(m_desk.forgetOpenWork());
}

QString TestRelatedTickets::newTicket(const QString& subject)
{
    auto created
        = m_desk.store->tickets().create(draftTicket(subject, QStringLiteral("客户来电")), DemoDesk::agent.principal());
    return created ? created.value().id : QString();
}

QPushButton* TestRelatedTickets::button(TicketEditor* editor, const QString& kind, const QString& number)
{
    for (QPushButton* b : editor->findChildren<QPushButton*>(kind)) {
        if (b->isVisible() && b->property("ticketNumber").toString() == number)
            return b;
    }
    return nullptr;
}

void TestRelatedTickets::keepPicture(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("GONGDAN_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    QTest::qWait(200); // the window lays itself out first, as the agent sees it
    QVERIFY(widget->grab().save(QDir(folder).filePath(name)));
}

void TestRelatedTickets::linkByNumberListsBothAndOpens()
{
    const QString a = newTicket(QStringLiteral("冰箱不制冷"));
    const QString b = newTicket(QStringLiteral("冰箱压缩机异响"));
    const QString numberA = m_desk.store->tickets().find(a)->number;
    const QString numberB = m_desk.store->tickets().find(b)->number;
    TicketEditor* editorA = m_window->workTabs()->openTicket(a);
    QVERIFY(editorA);
    auto* field = editorA->findChild<QLineEdit*>(QStringLiteral("linkNumber"));
    QVERIFY(field && field->isVisible());
    QTest::keyClicks(field, numberB);
    QTest::mouseClick(editorA->findChild<QPushButton*>(QStringLiteral("linkTicket")), Qt::LeftButton);
    QTRY_VERIFY(button(editorA, QStringLiteral("relatedTicket"), numberB));
    QVERIFY(field->text().isEmpty());
    QCOMPARE(m_desk.store->tickets().find(a)->links, QStringList {b});
    keepPicture(m_window.get(), QStringLiteral("linked-ticket.png"));

    // A click opens the other ticket, which lists the first.
    QTest::mouseClick(button(editorA, QStringLiteral("relatedTicket"), numberB), Qt::LeftButton);
    QTRY_VERIFY(qobject_cast<TicketEditor*>(m_window->workTabs()->currentWidget()));
    auto* editorB = qobject_cast<TicketEditor*>(m_window->workTabs()->currentWidget());
    QCOMPARE(editorB->ticketId(), b);
    QTRY_VERIFY(button(editorB, QStringLiteral("relatedTicket"), numberA));

    // Unlinked from the other side: gone from both.
    QPushButton* unlink = nullptr;
    for (QPushButton* u : editorB->findChildren<QPushButton*>(QStringLiteral("unlinkTicket"))) {
        if (u->isVisible() && u->property("ticketId").toString() == a)
            unlink = u;
    }
    QVERIFY(unlink);
    QTest::mouseClick(unlink, Qt::LeftButton);
    QTRY_VERIFY(!button(editorB, QStringLiteral("relatedTicket"), numberA));
    QVERIFY(m_desk.store->tickets().find(a)->links.isEmpty());
    QVERIFY(m_desk.store->tickets().find(b)->links.isEmpty());
    m_window->workTabs()->openTicket(a);
    QTRY_VERIFY(!button(editorA, QStringLiteral("relatedTicket"), numberB));
}

void TestRelatedTickets::aRefusedLinkIsSaidUnderTheField()
{
    const QString a = newTicket(QStringLiteral("空调漏水"));
    TicketEditor* editor = m_window->workTabs()->openTicket(a);
    auto* field = editor->findChild<QLineEdit*>(QStringLiteral("linkNumber"));
    auto* error = editor->findChild<QLabel*>(QStringLiteral("linkError"));
    QTest::keyClicks(field, QStringLiteral("G19990101001"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("G19990101001")));
    // Itself: the rules' refusal, said there too; nothing is linked.
    field->clear();
    QTest::keyClicks(field, m_desk.store->tickets().find(a)->number);
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(m_desk.store->tickets().find(a)->links.isEmpty());
}

void TestRelatedTickets::aMergeShowsBothWaysWithTheConversation()
{
    const QString source = newTicket(QStringLiteral("热水器打不着火"));
    const QString target = newTicket(QStringLiteral("热水器故障（同一客户再次来电）"));
    TicketRepository& tickets = m_desk.store->tickets();
    QVERIFY(tickets.addComment(
        source, CommentVisibility::Public, QStringLiteral("您好，已为您登记维修"), {}, DemoDesk::agent.principal()));
    QVERIFY(tickets.addComment(
        source, CommentVisibility::Internal, QStringLiteral("燃气阀门可能没开"), {}, DemoDesk::agent.principal()));
    QVERIFY(tickets.link(target, newTicket(QStringLiteral("燃气灶点火慢")), true, DemoDesk::agent.principal()));
    const QString sourceNumber = tickets.find(source)->number;
    const QString targetNumber = tickets.find(target)->number;

    // Merged in the source's editor, by the target's number.
    TicketEditor* editor = m_window->workTabs()->openTicket(source);
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("action_merge")), Qt::LeftButton);
    auto* number = editor->findChild<QLineEdit*>(QStringLiteral("transitionMergeTarget"));
    QVERIFY(number);
    QTRY_VERIFY(number->isVisible());
    QTest::keyClicks(number, targetNumber);
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("transitionConfirm")), Qt::LeftButton);
    QTRY_COMPARE(tickets.find(source)->status, TicketStatus::Merged);
    QTRY_VERIFY(button(editor, QStringLiteral("mergedInto"), targetNumber));

    // The source says where it went; a click opens the target, which says what was merged into it and
    // shows the conversation, each moved comment marked with its origin.
    QTest::mouseClick(button(editor, QStringLiteral("mergedInto"), targetNumber), Qt::LeftButton);
    auto* targetEditor = qobject_cast<TicketEditor*>(m_window->workTabs()->currentWidget());
    QVERIFY(targetEditor);
    QCOMPARE(targetEditor->ticketId(), target);
    QTRY_VERIFY(button(targetEditor, QStringLiteral("mergedFrom"), sourceNumber));
    auto* timeline = targetEditor->findChild<QListView*>(QStringLiteral("timeline"));
    QStringList origins;
    QStringList bodies;
    for (int row = 0; row < timeline->model()->rowCount(); ++row) {
        const QModelIndex index = timeline->model()->index(row, 0);
        if (!index.data(TimelineModel::OriginRole).toString().isEmpty()) {
            origins.append(index.data(TimelineModel::OriginRole).toString());
            bodies.append(index.data(TimelineModel::BodyRole).toString());
            QVERIFY(index.data().toString().contains(sourceNumber));
        }
    }
    QCOMPARE(origins, (QStringList {sourceNumber, sourceNumber}));
    QVERIFY(bodies.contains(QStringLiteral("燃气阀门可能没开")));
    keepPicture(m_window.get(), QStringLiteral("merge-target.png"));
    QTest::mouseClick(button(targetEditor, QStringLiteral("mergedFrom"), sourceNumber), Qt::LeftButton);
    QTRY_COMPARE(qobject_cast<TicketEditor*>(m_window->workTabs()->currentWidget())->ticketId(), source);
}

QTEST_MAIN(TestRelatedTickets)
#include "tst_relatedtickets.moc"
