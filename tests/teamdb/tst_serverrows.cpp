// ServerRows on both team-database backends: rows arrive as the stored UTF-8 bytes (Chinese text, quotes,
// backslashes, control characters, NULLs), parameters bind in order, a bad query is an error value and the
// connection stays usable for QSqlQuery and for the next read.
#include "teamdb/ServerRows.h"
#include "tests/support/ServerHarness.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestServerRows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numberedParameters_data();
    void numberedParameters();
    void readsStoredBytes_data() { addBackendRows(); }
    void readsStoredBytes();
    void errorsAreValuesAndTheConnectionGoesOn_data() { addBackendRows(); }
    void errorsAreValuesAndTheConnectionGoesOn();

private:
    /// A fresh team database for the row's backend with a table probe(id, n, body) of four rows.
    std::unique_ptr<ServerDatabase> open(TeamDatabase& team);
};

namespace {

const QString kWhat = QStringLiteral("Cannot read the probe");

struct ProbeRow {
    QByteArray id;
    qint64 n;
    QByteArray body; ///< null: stored as NULL
};

const QList<ProbeRow>& probeRows()
{
    static const QList<ProbeRow> rows {
        {"a1", 1, QByteArray("打印机卡纸，客户很着急 😀")},
        {"b2", 20, QByteArray("quote \" backslash \\ tab \t newline \n end")},
        {"c3", 300, QByteArray()},
        {"d4", 4000, QByteArray("")},
    };
    return rows;
}

} // namespace

std::unique_ptr<ServerDatabase> TestServerRows::open(TeamDatabase& team)
{
    if (!team.available())
        return nullptr;
    auto db = ServerDatabase::open(team.location());
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    QSqlQuery query(db.value()->sql());
    if (!query.exec(QStringLiteral("CREATE TABLE probe(id TEXT PRIMARY KEY, n BIGINT NOT NULL, body TEXT)")))
        qFatal("%s", qPrintable(query.lastError().text()));
    for (const ProbeRow& row : probeRows()) {
        query.prepare(QStringLiteral("INSERT INTO probe(id, n, body) VALUES (?, ?, ?)"));
        query.addBindValue(QString::fromUtf8(row.id));
        query.addBindValue(row.n);
        query.addBindValue(row.body.isNull() ? QVariant() : QVariant(QString::fromUtf8(row.body)));
        if (!query.exec())
            qFatal("%s", qPrintable(query.lastError().text()));
    }
    return std::move(db.value());
}

void TestServerRows::numberedParameters_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << QStringLiteral("SELECT 1") << QByteArray("SELECT 1");
    QTest::newRow("in order") << QStringLiteral("a = ? AND b > ? OR c IN (?, ?)")
                              << QByteArray("a = $1 AND b > $2 OR c IN ($3, $4)");
    QTest::newRow("in a literal") << QStringLiteral("a = '?' AND b = ?") << QByteArray("a = '?' AND b = $1");
    QTest::newRow("in an identifier") << QStringLiteral("\"why?\" = ?") << QByteArray("\"why?\" = $1");
    QTest::newRow("doubled quote") << QStringLiteral("a = 'it''s?' AND b = ?") << QByteArray("a = 'it''s?' AND b = $1");
    QTest::newRow("ten and more") << QStringLiteral("?,?,?,?,?,?,?,?,?,?,?")
                                  << QByteArray("$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11");
}

void TestServerRows::numberedParameters()
{
    QFETCH(QString, sql);
    QFETCH(QByteArray, expected);
    QCOMPARE(ServerRows::numberedParameters(sql), expected);
}

void TestServerRows::readsStoredBytes()
{
    QFETCH(QString, backend);
    TeamDatabase team(backend);
    auto db = open(team);
    if (!db)
        QFAIL(qPrintable(team.why()));
    QList<ProbeRow> read;
    const QString sql
        = QStringLiteral("SELECT %1, n, %2 FROM probe WHERE n >= ? ORDER BY id")
              .arg(ServerRows::bytes(*db, QStringLiteral("id")), ServerRows::bytes(*db, QStringLiteral("body")));
    const Status status
        = ServerRows::read(*db, sql, {qint64(1)}, kWhat, [&read](std::span<const QByteArrayView> columns) {
              QCOMPARE(columns.size(), size_t(3));
              read.append({columns[0].toByteArray(), columns[1].toLongLong(),
                  columns[2].isNull() ? QByteArray() : columns[2].toByteArray()});
          });
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    QCOMPARE(read.size(), probeRows().size());
    for (qsizetype i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i).id, probeRows().at(i).id);
        QCOMPARE(read.at(i).n, probeRows().at(i).n);
        QCOMPARE(read.at(i).body, probeRows().at(i).body);
        QCOMPARE(read.at(i).body.isNull(), probeRows().at(i).body.isNull()); // NULL and '' stay apart
    }
    // Parameters bind in order, text parameters as UTF-8.
    QList<QByteArray> ids;
    const Status filtered = ServerRows::read(*db,
        QStringLiteral("SELECT %1 FROM probe WHERE n > ? AND body = ?")
            .arg(ServerRows::bytes(*db, QStringLiteral("id"))),
        {qint64(0), QString::fromUtf8(probeRows().at(0).body)}, kWhat,
        [&ids](std::span<const QByteArrayView> columns) { ids.append(columns[0].toByteArray()); });
    QVERIFY(filtered.ok());
    QCOMPARE(ids, QList<QByteArray> {"a1"});
}

void TestServerRows::errorsAreValuesAndTheConnectionGoesOn()
{
    QFETCH(QString, backend);
    TeamDatabase team(backend);
    auto db = open(team);
    if (!db)
        QFAIL(qPrintable(team.why()));
    int calls = 0;
    const Status bad = ServerRows::read(
        *db, QStringLiteral("SELECT id FROM no_such_table WHERE n = ?"), {1}, kWhat, [&calls](auto) { ++calls; });
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("server.database"));
    QVERIFY2(bad.error().message.startsWith(kWhat), qPrintable(bad.error().message)); // says what was read
    QVERIFY2(bad.error().message.contains(QLatin1String("no_such_table")), qPrintable(bad.error().message));
    QCOMPARE(calls, 0);
    // The same connection answers QSqlQuery (a kept prepared statement too) and the next read.
    QSqlQuery& kept = db->prepared(QStringLiteral("SELECT count(*) FROM probe WHERE n > ?"));
    kept.addBindValue(10);
    QVERIFY(kept.exec() && kept.next());
    QCOMPARE(kept.value(0).toInt(), 3);
    kept.finish();
    const Status good = ServerRows::read(
        *db, QStringLiteral("SELECT n FROM probe ORDER BY n"), {}, kWhat, [&calls](auto) { ++calls; });
    QVERIFY(good.ok());
    QCOMPARE(calls, 4);
}

QTEST_GUILESS_MAIN(TestServerRows)
#include "tst_serverrows.moc"
