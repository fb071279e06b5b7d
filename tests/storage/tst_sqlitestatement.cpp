#include "storage/SqliteStatement.h"
#include "tests/support/TempStore.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// The raw-handle statement of the hot write paths: what it binds is what is stored, whatever became of
/// the caller's strings, and a refusal comes back as a value.
class TestSqliteStatement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storesTextBoundFromTemporaries();
    void nullAndRequiredText();
    void reusedStatementForgetsEarlierValues();
    void refusalIsAValue();
    void aStatementLeftActiveIsNamedAtTheNextWrite();
};

namespace {

QString valueOf(Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql) && q.next() ? (q.value(0).isNull() ? QStringLiteral("<null>") : q.value(0).toString())
                                   : QStringLiteral("<none>");
}

} // namespace

void TestSqliteStatement::storesTextBoundFromTemporaries()
{
    TempStore store;
    QVERIFY(store.db().exec(QStringLiteral("CREATE TABLE t(k INTEGER PRIMARY KEY, a TEXT, b TEXT)")).ok());
    SqliteStatement insert(store.db().handle(), "INSERT INTO t(k, a, b) VALUES (?, ?, ?)");
    insert.bind(1, qint64(1));
    {
        const QString local = QString::fromUtf8("工单 %1").arg(42); // gone before the statement runs
        insert.bindRequired(2, local);
        insert.bindText(3, QString::fromUtf8("备注").toUtf8());
    }
    QVERIFY(insert.run().ok());
    QCOMPARE(valueOf(store.db(), QStringLiteral("SELECT a FROM t WHERE k = 1")), QString::fromUtf8("工单 42"));
    QCOMPARE(valueOf(store.db(), QStringLiteral("SELECT b FROM t WHERE k = 1")), QString::fromUtf8("备注"));
}

void TestSqliteStatement::nullAndRequiredText()
{
    TempStore store;
    QVERIFY(store.db().exec(QStringLiteral("CREATE TABLE t(k INTEGER PRIMARY KEY, a TEXT, b TEXT)")).ok());
    SqliteStatement insert(store.db().handle(), "INSERT INTO t(k, a, b) VALUES (?, ?, ?)");
    QVERIFY(insert.bind(1, qint64(1)).bind(2, QString()).bindRequired(3, QString()).run().ok());
    QCOMPARE(valueOf(store.db(), QStringLiteral("SELECT a FROM t")), QStringLiteral("<null>"));
    QCOMPARE(valueOf(store.db(), QStringLiteral("SELECT b FROM t")), QString());
}

void TestSqliteStatement::reusedStatementForgetsEarlierValues()
{
    TempStore store;
    QVERIFY(store.db().exec(QStringLiteral("CREATE TABLE t(k INTEGER PRIMARY KEY, a TEXT, b TEXT)")).ok());
    SqliteStatement insert(store.db().handle(), "INSERT INTO t(k, a, b) VALUES (?, ?, ?)");
    QVERIFY(insert.bind(1, qint64(1))
                .bindRequired(2, QStringLiteral("first"))
                .bindRequired(3, QStringLiteral("x"))
                .run()
                .ok());
    QVERIFY(insert.bind(1, qint64(2)).bindRequired(2, QStringLiteral("second")).run().ok()); // b not bound: NULL
    QCOMPARE(valueOf(store.db(), QStringLiteral("SELECT a FROM t WHERE k = 2")), QStringLiteral("second"));
    QCOMPARE(valueOf(store.db(), QStringLiteral("SELECT b FROM t WHERE k = 2")), QStringLiteral("<null>"));
    QCOMPARE(valueOf(store.db(), QStringLiteral("SELECT a FROM t WHERE k = 1")), QStringLiteral("first"));
}

void TestSqliteStatement::refusalIsAValue()
{
    TempStore store;
    QVERIFY(store.db().exec(QStringLiteral("CREATE TABLE t(k INTEGER PRIMARY KEY, a TEXT NOT NULL UNIQUE)")).ok());
    SqliteStatement insert(store.db().handle(), "INSERT INTO t(a) VALUES (?)");
    QVERIFY(insert.bindRequired(1, QStringLiteral("same")).run().ok());
    const Status again = insert.bindRequired(1, QStringLiteral("same")).run();
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("storage.constraint"));
    QVERIFY(insert.bindRequired(1, QStringLiteral("other")).run().ok()); // usable after a refusal
    SqliteStatement broken(store.db().handle(), "INSERT INTO no_such_table VALUES (?)");
    QCOMPARE(broken.bindRequired(1, QStringLiteral("x")).run().error().code, QStringLiteral("storage.sql"));
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"

/// A reader left active keeps an old snapshot open on the connection, and once the sync writer's connection
/// commits, the next write here fails (SQLITE_BUSY_SNAPSHOT): the start of a write names the statement.
void TestSqliteStatement::aStatementLeftActiveIsNamedAtTheNextWrite()
{
    TempStore store;
    QVERIFY(store.db().exec(QStringLiteral("CREATE TABLE t(k INTEGER PRIMARY KEY)")).ok());
    QVERIFY(store.db().exec(QStringLiteral("INSERT INTO t(k) VALUES (1), (2)")).ok());
    QSqlQuery reader(store.db().sql());
    QVERIFY(reader.exec(QStringLiteral("SELECT k FROM t ORDER BY k")));
    QVERIFY(reader.next()); // one row read, the statement still active
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("still active.*SELECT k FROM t ORDER BY k")));
    QVERIFY(store.db().begin().ok());
    store.db().rollback();
    reader.finish();
    QTest::failOnWarning(QRegularExpression(QStringLiteral("still active")));
    QVERIFY(store.db().begin().ok()); // nothing active any more: no warning
    store.db().rollback();
}
