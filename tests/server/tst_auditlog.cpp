// The audit trail against a real gongdan-server on both backends: sign-ins (ok and failed), a pushed ticket
// change, a REST change and a role change are appended with who, from where and what; admins read and filter
// them over GET /api/v1/audit (403 for everyone else); `gongdan-server audit verify` says ok, and finds an
// edited, inserted or deleted entry (in the middle or at the end) at its seq.
#include "teamdb/AuditLog.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace gongdan;
using namespace gongdan::test;

namespace {
void run(QSqlQuery& query, const QString& sql);
} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void changesAndSignInsAreRecorded_data() { addBackendRows(); }
    void changesAndSignInsAreRecorded();
    void uploadsRecordsAndViewsAreRecorded_data() { addBackendRows(); }
    void uploadsRecordsAndViewsAreRecorded();
    void aChangeWithoutItsEntryIsNotKept_data() { addBackendRows(); }
    void aChangeWithoutItsEntryIsNotKept();
    void onlyAdminsReadIt_data() { addBackendRows(); }
    void onlyAdminsReadIt();
    void filtersAndPages_data() { addBackendRows(); }
    void filtersAndPages();
    void tamperingIsFoundAtItsSeq_data();
    void tamperingIsFoundAtItsSeq();
    void aRewrittenChainIsCaughtByANotedHead_data() { addBackendRows(); }
    void aRewrittenChainIsCaughtByANotedHead();

private:
    /// The seeded team and a server on it; then li.na fails to sign in once, signs in, pushes a new ticket,
    /// patches it over REST and signs out; boss gives wang a new password and makes zhang a supervisor. The
    /// ticket's id.
    QString startAndAct();
    std::unique_ptr<HttpClient> as(const QString& login, const QString& password);
    QJsonArray entries(const QString& query);
    /// `gongdan-server audit verify` on the team database: its exit code and output.
    int verify(QString* output, const QStringList& extra = {});

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
};

void TestAuditLog::cleanup()
{
    if (m_server && m_server->running())
        m_server->terminate();
    m_server.reset();
    m_team.reset();
}

std::unique_ptr<HttpClient> TestAuditLog::as(const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(m_server->baseUrl());
    http->setToken(signIn(m_server->baseUrl(), login, password));
    return http;
}

QJsonArray TestAuditLog::entries(const QString& query)
{
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult answer = boss->get(QStringLiteral("/api/v1/audit") + query);
    if (answer.status != 200)
        qWarning("%s", answer.raw.constData());
    return answer.body.value(QStringLiteral("entries")).toArray();
}

int TestAuditLog::verify(QString* output, const QStringList& extra)
{
    QString all;
    const int code = runServerCommand(QStringList {QStringLiteral("audit"), QStringLiteral("verify"),
                                          QStringLiteral("--database"), m_team->location()}
            + extra,
        {}, &all);
    // The verdict is the last line (PostgreSQL's notices may come before it).
    *output = all.trimmed().section(QLatin1Char('\n'), -1);
    return code;
}

QString TestAuditLog::startAndAct()
{
    QFETCH(QString, backend);
    m_team = seededTeam(backend);
    if (!m_team->available())
        qFatal("%s", qPrintable(m_team->why()));
    m_server = std::make_unique<ServerProcess>();
    if (!m_server->start(m_team->location()))
        qFatal("%s", qPrintable(m_server->lastLog()));
    HttpClient anonymous(m_server->baseUrl());
    const HttpResult wrong = anonymous.post(QStringLiteral("/api/v1/session"),
        {{QStringLiteral("login"), QStringLiteral("li.na")}, {QStringLiteral("password"), QStringLiteral("guess")}});
    if (wrong.status != 401)
        qFatal("a wrong password was answered %d", wrong.status);
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    SyncDevice device(m_server->baseUrl(), li->token());
    const Ticket ticket
        = newTicket(QStringLiteral("打印机卡纸"), QStringLiteral("service"), QStringLiteral("K7Q-0001"));
    const HttpResult pushed
        = device.push({device.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))});
    if (pushed.status != 200)
        qFatal("push: %s", pushed.raw.constData());
    const HttpResult patched = li->patch(QStringLiteral("/api/v1/tickets/%1").arg(ticket.id),
        {{QStringLiteral("subject"), QStringLiteral("网页表单报修：洗衣机")}});
    if (patched.status != 200)
        qFatal("patch: %s", patched.raw.constData());
    if (li->del(QStringLiteral("/api/v1/session")).status != 204)
        qFatal("sign-out failed");
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const QJsonArray users = boss->get(QStringLiteral("/api/v1/users")).body.value(QStringLiteral("users")).toArray();
    QString zhangId, wangId;
    for (const QJsonValue& user : users) {
        if (user.toObject().value(QStringLiteral("login")).toString() == QLatin1String("zhang"))
            zhangId = user.toObject().value(QStringLiteral("id")).toString();
        if (user.toObject().value(QStringLiteral("login")).toString() == QLatin1String("wang"))
            wangId = user.toObject().value(QStringLiteral("id")).toString();
    }
    const HttpResult password = boss->patch( // a new hash of the same password: wang still signs in with it
        QStringLiteral("/api/v1/users/%1").arg(wangId),
        {{QStringLiteral("password"), QStringLiteral("field-password")}});
    if (password.status != 200)
        qFatal("password: %s", password.raw.constData());
    const HttpResult role = boss->patch(
        QStringLiteral("/api/v1/users/%1").arg(zhangId), {{QStringLiteral("role"), QStringLiteral("supervisor")}});
    if (role.status != 200)
        qFatal("role: %s", role.raw.constData());
    return ticket.id;
}

void TestAuditLog::changesAndSignInsAreRecorded()
{
    const QString ticketId = startAndAct();
    const QJsonArray all = entries(QStringLiteral("?limit=500"));
    QHash<QString, QList<QJsonObject>> byKind;
    for (const QJsonValue& value : all)
        byKind[value.toObject().value(QStringLiteral("kind")).toString()].append(value.toObject());
    const auto login = [](const QJsonObject& entry) {
        return entry.value(QStringLiteral("actor")).toObject().value(QStringLiteral("login")).toString();
    };
    const auto target = [](const QJsonObject& entry) {
        return entry.value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString();
    };

    // The admin tool made the team (seedTeam): its users and groups, as the admin tool from the command line.
    QCOMPARE(byKind.value(QStringLiteral("user_create")).size(), 4);
    QCOMPARE(byKind.value(QStringLiteral("group_create")).size(), 2);
    QCOMPARE(login(byKind.value(QStringLiteral("user_create")).first()), QStringLiteral("admin-tool"));
    QCOMPARE(byKind.value(QStringLiteral("user_create")).first().value(QStringLiteral("address")).toString(),
        QStringLiteral("cli"));

    // The failed sign-in: the login tried, the address, why.
    QCOMPARE(byKind.value(QStringLiteral("sign_in_failed")).size(), 1);
    const QJsonObject failed = byKind.value(QStringLiteral("sign_in_failed")).first();
    QCOMPARE(login(failed), QStringLiteral("li.na"));
    QCOMPARE(failed.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(failed.value(QStringLiteral("detail")).toObject().value(QStringLiteral("reason")).toString(),
        QStringLiteral("auth.invalid"));
    QVERIFY(!failed.value(QStringLiteral("detail")).toObject().contains(QStringLiteral("password")));
    QVERIFY(!QJsonDocument(all).toJson().contains("guess")); // the password tried is never kept

    // Sign-ins: li.na once, boss for each as() call (three so far, the one reading is not yet committed).
    QList<QString> signedIn;
    for (const QJsonObject& entry : byKind.value(QStringLiteral("sign_in")))
        signedIn.append(login(entry));
    QCOMPARE(signedIn.count(QStringLiteral("li.na")), 1);
    QVERIFY(signedIn.count(QStringLiteral("boss")) >= 2);

    // The pushed create and the REST patch: the ticket, who, which client, which fields.
    const QList<QJsonObject> changes = byKind.value(QStringLiteral("ticket_change"));
    QCOMPARE(changes.size(), 2);
    const QJsonObject patched = changes.at(0); // newest first
    const QJsonObject created = changes.at(1);
    QCOMPARE(target(created), ticketId);
    QCOMPARE(target(patched), ticketId);
    QCOMPARE(login(created), QStringLiteral("li.na"));
    QCOMPARE(created.value(QStringLiteral("detail")).toObject().value(QStringLiteral("intent")).toString(),
        QStringLiteral("ticket.create"));
    QCOMPARE(created.value(QStringLiteral("detail")).toObject().value(QStringLiteral("via")).toString(),
        QStringLiteral("sync"));
    QVERIFY(created.value(QStringLiteral("client")).toString().size() > 8); // the device's client id
    QCOMPARE(patched.value(QStringLiteral("client")).toString(), QStringLiteral("api"));
    QCOMPARE(patched.value(QStringLiteral("detail")).toObject().value(QStringLiteral("fields")).toArray(),
        QJsonArray {QStringLiteral("subject")});
    QVERIFY(!QJsonDocument(patched).toJson().contains("洗衣机")); // which fields, not their values

    // The role change: by boss, old and new role.
    const QList<QJsonObject> roles = byKind.value(QStringLiteral("role_change"));
    QCOMPARE(roles.size(), 1);
    QCOMPARE(login(roles.first()), QStringLiteral("boss"));
    const QJsonObject role = roles.first()
                                 .value(QStringLiteral("detail"))
                                 .toObject()
                                 .value(QStringLiteral("changed"))
                                 .toObject()
                                 .value(QStringLiteral("role"))
                                 .toObject();
    QCOMPARE(role.value(QStringLiteral("from")).toString(), QStringLiteral("agent"));
    QCOMPARE(role.value(QStringLiteral("to")).toString(), QStringLiteral("supervisor"));

    // The sign-out, and the password change: that it changed, never the hash.
    QCOMPARE(byKind.value(QStringLiteral("sign_out")).size(), 1);
    QCOMPARE(login(byKind.value(QStringLiteral("sign_out")).first()), QStringLiteral("li.na"));
    QCOMPARE(byKind.value(QStringLiteral("password_change")).size(), 1);
    const QJsonObject password = byKind.value(QStringLiteral("password_change")).first();
    QCOMPARE(login(password), QStringLiteral("boss"));
    QCOMPARE(password.value(QStringLiteral("detail")).toObject().value(QStringLiteral("login")).toString(),
        QStringLiteral("wang"));
    QCOMPARE(password.value(QStringLiteral("detail"))
                 .toObject()
                 .value(QStringLiteral("changed"))
                 .toObject()
                 .value(QStringLiteral("password")),
        QJsonValue(true));
    QVERIFY(!QJsonDocument(all).toJson().contains("argon2"));

    // Chained: each entry names the hash of the one before it.
    for (qsizetype i = 0; i + 1 < all.size(); ++i)
        QCOMPARE(all.at(i).toObject().value(QStringLiteral("prev_hash")).toString(),
            all.at(i + 1).toObject().value(QStringLiteral("hash")).toString());
    QCOMPARE(all.last().toObject().value(QStringLiteral("seq")).toInteger(), 1);

    QString output;
    QCOMPARE(verify(&output), 0);
    QVERIFY2(output.startsWith(QStringLiteral("ok, %1 entries").arg(all.size())), qPrintable(output));
}

void TestAuditLog::uploadsRecordsAndViewsAreRecorded()
{
    startAndAct();
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QByteArray bytes = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + "audit";
    const HttpResult uploaded
        = li->send("POST", QStringLiteral("/api/v1/attachments"), bytes, "application/octet-stream");
    QCOMPARE(uploaded.status, 201);
    const HttpResult customer = li->post(QStringLiteral("/api/v1/customers"),
        {{QStringLiteral("name"), QStringLiteral("王芳")}, {QStringLiteral("number"), QStringLiteral("C-1001")}});
    QCOMPARE(customer.status, 201);
    const HttpResult view
        = li->post(QStringLiteral("/api/v1/views"), {{QStringLiteral("name_zh"), QStringLiteral("李娜的新单")}});
    QCOMPARE(view.status, 201);

    const QJsonArray newest = entries(QStringLiteral("?actor=li.na&limit=3"));
    QCOMPARE(newest.size(), 3);
    const auto has = [&newest](int i, const char* kind, const char* entity, const QString& id) {
        const QJsonObject entry = newest.at(i).toObject();
        const QJsonObject target = entry.value(QStringLiteral("target")).toObject();
        return entry.value(QStringLiteral("kind")).toString() == QLatin1String(kind)
            && target.value(QStringLiteral("entity")).toString() == QLatin1String(entity)
            && target.value(QStringLiteral("id")).toString() == id;
    };
    QVERIFY(has(0, "view_change", "view", view.body.value(QStringLiteral("id")).toString()));
    QVERIFY(has(1, "record_change", "customer", customer.body.value(QStringLiteral("id")).toString()));
    QVERIFY(has(2, "attachment_upload", "attachment", uploaded.body.value(QStringLiteral("sha256")).toString()));
    QCOMPARE(
        newest.at(2).toObject().value(QStringLiteral("detail")).toObject().value(QStringLiteral("size")).toInteger(),
        bytes.size());
}

void TestAuditLog::aChangeWithoutItsEntryIsNotKept()
{
    const QString ticketId = startAndAct();
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QString path = QStringLiteral("/api/v1/tickets/%1").arg(ticketId);
    const auto subjectNow = [&] {
        return li->get(path)
            .body.value(QStringLiteral("ticket"))
            .toObject()
            .value(QStringLiteral("subject"))
            .toString();
    };
    const QString subject = subjectNow();
    QVERIFY(!subject.isEmpty());
    auto database = ServerDatabase::open(m_team->location()); // beside the running server
    QVERIFY(database);
    QSqlQuery query(database.value()->sql());
    // The anchor taken away: no entry can be appended, so neither can the change it would record.
    run(query, QStringLiteral("UPDATE server_meta SET name = 'audit_head_away' WHERE name = 'audit_head'"));
    QCOMPARE(li->patch(path, {{QStringLiteral("subject"), QStringLiteral("改了吗")}}).status, 500);
    SyncDevice device(m_server->baseUrl(), li->token());
    const Ticket ticket = newTicket(QStringLiteral("推送"), QStringLiteral("service"), QStringLiteral("K7Q-0002"));
    QCOMPARE(
        device.push({device.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))}).status, 500);
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(anonymous
                 .post(QStringLiteral("/api/v1/session"),
                     {{QStringLiteral("login"), QStringLiteral("boss")},
                         {QStringLiteral("password"), QStringLiteral("boss-password")}})
                 .status,
        500); // no sign-in without its entry either
    run(query, QStringLiteral("UPDATE server_meta SET name = 'audit_head' WHERE name = 'audit_head_away'"));
    QCOMPARE(subjectNow(), subject);
    QCOMPARE(li->get(QStringLiteral("/api/v1/tickets/%1").arg(ticket.id)).status, 404);
    run(query, QStringLiteral("SELECT COUNT(*) FROM session_token"));
    QVERIFY(query.next());
    const int sessions = query.value(0).toInt();
    query.finish();
    QVERIFY(as(QStringLiteral("boss"), QStringLiteral("boss-password"))->token().size() > 10);
    run(query, QStringLiteral("SELECT COUNT(*) FROM session_token"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), sessions + 1); // the refused sign-in had left no token
    query.finish();
    database.value().reset();
    QCOMPARE(li->patch(path, {{QStringLiteral("subject"), QStringLiteral("改了")}}).status, 200);
    QString output;
    QCOMPARE(verify(&output), 0);
}

void TestAuditLog::onlyAdminsReadIt()
{
    startAndAct();
    for (const auto& [login, password] : {std::pair {"li.na", "agent-password"}, std::pair {"wang", "field-password"},
             std::pair {"zhang", "zhang-password"}}) { // zhang is a supervisor now: still not an admin
        auto user = as(QString::fromLatin1(login), QString::fromLatin1(password));
        const HttpResult refused = user->get(QStringLiteral("/api/v1/audit"));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("access.denied"));
    }
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/audit")).status, 401);
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    QCOMPARE(boss->get(QStringLiteral("/api/v1/audit?limit=0")).status, 400);
    QCOMPARE(boss->get(QStringLiteral("/api/v1/audit?since=yesterday")).status, 400);
    QCOMPARE(boss->get(QStringLiteral("/api/v1/audit?actor=%00")).status, 400);
}

void TestAuditLog::filtersAndPages()
{
    const QString ticketId = startAndAct();
    const auto kinds = [](const QJsonArray& list) {
        QStringList out;
        for (const QJsonValue& value : list)
            out.append(value.toObject().value(QStringLiteral("kind")).toString());
        return out;
    };
    // By actor (login or id), by kind, by target.
    const QJsonArray byLi = entries(QStringLiteral("?actor=li.na"));
    QCOMPARE(kinds(byLi),
        (QStringList {QStringLiteral("sign_out"), QStringLiteral("ticket_change"), QStringLiteral("ticket_change"),
            QStringLiteral("sign_in"), QStringLiteral("sign_in_failed")}));
    const QString liId
        = byLi.first().toObject().value(QStringLiteral("actor")).toObject().value(QStringLiteral("user_id")).toString();
    QCOMPARE(entries(QStringLiteral("?actor=") + liId).size(), 5);
    QCOMPARE(kinds(entries(QStringLiteral("?kind=role_change"))), QStringList {QStringLiteral("role_change")});
    QCOMPARE(entries(QStringLiteral("?target=ticket:") + ticketId).size(), 2);
    QCOMPARE(entries(QStringLiteral("?target=ticket")).size(), 2);
    QCOMPARE(entries(QStringLiteral("?target=ticket:nope")).size(), 0);
    QCOMPARE(entries(QStringLiteral("?kind=ticket_change&actor=boss")).size(), 0);

    // By time: since is inclusive, until exclusive.
    const QJsonObject created = entries(QStringLiteral("?kind=ticket_change")).last().toObject();
    const qint64 at = created.value(QStringLiteral("at_ms")).toInteger();
    const QJsonArray fromThen = entries(QStringLiteral("?kind=ticket_change&since=%1").arg(at));
    QCOMPARE(fromThen.size(), 2);
    QCOMPARE(entries(QStringLiteral("?kind=ticket_change&until=%1").arg(at)).size(), 0);
    QCOMPARE(entries(QStringLiteral("?kind=ticket_change&since=%1").arg(at + 3600 * 1000)).size(), 0);

    // Pages: newest first, next_cursor until the oldest.
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    QList<qint64> seqs;
    QString cursor;
    for (int page = 0; page < 100; ++page) {
        const HttpResult answer = boss->get(QStringLiteral("/api/v1/audit?limit=3") + cursor);
        QCOMPARE(answer.status, 200);
        const QJsonArray list = answer.body.value(QStringLiteral("entries")).toArray();
        QVERIFY(list.size() <= 3);
        for (const QJsonValue& value : list)
            seqs.append(value.toObject().value(QStringLiteral("seq")).toInteger());
        if (!answer.body.contains(QStringLiteral("next_cursor")))
            break;
        cursor = QStringLiteral("&cursor=%1").arg(answer.body.value(QStringLiteral("next_cursor")).toInteger());
    }
    QVERIFY(seqs.size() > 10);
    for (qsizetype i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), seqs.size() - i); // every entry once, newest first
}

void TestAuditLog::tamperingIsFoundAtItsSeq_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("tamper");
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const char* tamper : {"edit_detail", "edit_and_rehash", "delete_middle", "delete_and_renumber",
                 "insert_forged", "append_forged", "delete_tail"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(backend), QLatin1String(tamper))))
                << QString::fromLatin1(backend) << QString::fromLatin1(tamper);
    }
}

namespace {

/// Entry `seq` as stored.
AuditEntry storedEntry(QSqlQuery& query, qint64 seq)
{
    query.prepare(QStringLiteral("SELECT seq, at_ms, actor_id, actor_login, address, client, kind, entity, "
                                 "entity_id, detail, prev_hash, hash FROM audit_entry WHERE seq = ?"));
    query.addBindValue(seq);
    if (!query.exec() || !query.next())
        qFatal("no entry %lld: %s", seq, qPrintable(query.lastError().text()));
    AuditEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.atMs = query.value(1).toLongLong();
    entry.actor
        = {query.value(2).toString(), query.value(3).toString(), query.value(4).toString(), query.value(5).toString()};
    entry.kind = query.value(6).toString();
    entry.entity = query.value(7).toString();
    entry.entityId = query.value(8).toString();
    entry.detail = query.value(9).toString();
    entry.prevHash = query.value(10).toString();
    entry.hash = query.value(11).toString();
    return entry;
}

void insertEntry(QSqlQuery& query, const AuditEntry& e)
{
    query.prepare(
        QStringLiteral("INSERT INTO audit_entry(seq, at_ms, actor_id, actor_login, address, client, kind, "
                       "entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : QVariantList {e.seq, e.atMs, e.actor.userId, e.actor.login, e.actor.address,
             e.actor.client, e.kind, e.entity, e.entityId, e.detail, e.prevHash, e.hash})
        query.addBindValue(value);
    if (!query.exec())
        qFatal("insert: %s", qPrintable(query.lastError().text()));
}

void run(QSqlQuery& query, const QString& sql)
{
    if (!query.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
}

/// A sign-in by boss, forged with a correct hash after entry `prev` (an attacker who knows the scheme).
AuditEntry forgedAfter(const AuditEntry& prev)
{
    AuditEntry forged = prev;
    forged.seq = prev.seq + 1;
    forged.kind = QStringLiteral("sign_in");
    forged.detail = QStringLiteral("{\"device\":\"forged\"}");
    forged.prevHash = prev.hash;
    forged.hash = AuditLog::hashOf(forged);
    return forged;
}

} // namespace

void TestAuditLog::tamperingIsFoundAtItsSeq()
{
    QFETCH(QString, tamper);
    startAndAct();
    QCOMPARE(m_server->terminate(), 0);
    QString output;
    QCOMPARE(verify(&output), 0);
    const qint64 count = output.section(QLatin1Char(' '), 1, 1).toLongLong();
    QVERIFY2(count > 10, qPrintable(output));
    const qint64 middle = count / 2;
    qint64 expected = middle;
    {
        auto database = ServerDatabase::open(m_team->location());
        QVERIFY(database);
        QSqlQuery query(database.value()->sql());
        if (tamper == QLatin1String("edit_detail")) {
            run(query,
                QStringLiteral("UPDATE audit_entry SET detail = '{\"reason\":\"nothing happened\"}' WHERE seq = %1")
                    .arg(middle));
        } else if (tamper == QLatin1String("edit_and_rehash")) { // the entry consistent again, its successor not
            AuditEntry entry = storedEntry(query, middle);
            entry.actor.login = QStringLiteral("someone-else");
            run(query,
                QStringLiteral("UPDATE audit_entry SET actor_login = 'someone-else', hash = '%1' WHERE seq = %2")
                    .arg(AuditLog::hashOf(entry))
                    .arg(middle));
        } else if (tamper == QLatin1String("delete_middle")) {
            run(query, QStringLiteral("DELETE FROM audit_entry WHERE seq = %1").arg(middle));
        } else if (tamper == QLatin1String("delete_and_renumber")) { // no gap left in the seqs
            run(query, QStringLiteral("DELETE FROM audit_entry WHERE seq = %1").arg(middle));
            run(query, QStringLiteral("UPDATE audit_entry SET seq = -seq WHERE seq > %1").arg(middle));
            run(query, QStringLiteral("UPDATE audit_entry SET seq = -seq - 1 WHERE seq < 0"));
        } else if (tamper == QLatin1String("insert_forged")) { // a forged entry in the middle, the rest moved up
            const AuditEntry forged = forgedAfter(storedEntry(query, middle - 1));
            run(query, QStringLiteral("UPDATE audit_entry SET seq = -seq WHERE seq >= %1").arg(middle));
            run(query, QStringLiteral("UPDATE audit_entry SET seq = -seq + 1 WHERE seq < 0"));
            insertEntry(query, forged);
        } else if (tamper == QLatin1String("append_forged")) { // after the newest, the anchor left alone
            insertEntry(query, forgedAfter(storedEntry(query, count)));
            expected = count + 1;
        } else if (tamper == QLatin1String("delete_tail")) {
            run(query, QStringLiteral("DELETE FROM audit_entry WHERE seq >= %1").arg(count - 1));
            expected = count - 1;
        }
    }
    QCOMPARE(verify(&output), 1);
    QVERIFY2(output.startsWith(QStringLiteral("tampered: entry %1:").arg(expected)), qPrintable(output));
    const QString word = tamper.startsWith(QLatin1String("edit")) ? QStringLiteral("edited")
        : tamper.startsWith(QLatin1String("delete"))              ? QStringLiteral("missing")
                                                                  : QStringLiteral("inserted");
    QVERIFY2(output.contains(word), qPrintable(output));
}

void TestAuditLog::aRewrittenChainIsCaughtByANotedHead()
{
    startAndAct();
    QCOMPARE(m_server->terminate(), 0);
    QString output;
    QCOMPARE(verify(&output), 0);
    const QString head = output.section(QStringLiteral("head "), 1).trimmed(); // "SEQ:HASH", noted elsewhere
    const qint64 count = head.section(QLatin1Char(':'), 0, 0).toLongLong();
    QVERIFY2(count > 10, qPrintable(output));
    QCOMPARE(verify(&output, {QStringLiteral("--expect"), head}), 0);
    { // an attacker with the database edits an entry and rewrites every hash after it, and the anchor
        auto database = ServerDatabase::open(m_team->location());
        QVERIFY(database);
        QSqlQuery query(database.value()->sql());
        AuditEntry entry = storedEntry(query, 3);
        QString prev = entry.prevHash;
        for (qint64 seq = 3; seq <= count; ++seq) {
            entry = storedEntry(query, seq);
            if (seq == 3)
                entry.detail = QStringLiteral("{}");
            entry.prevHash = prev;
            entry.hash = AuditLog::hashOf(entry);
            prev = entry.hash;
            query.prepare(QStringLiteral("UPDATE audit_entry SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?"));
            query.addBindValue(entry.detail);
            query.addBindValue(entry.prevHash);
            query.addBindValue(entry.hash);
            query.addBindValue(seq);
            QVERIFY(query.exec());
        }
        run(query,
            QStringLiteral("UPDATE server_meta SET value = '%1 %2' WHERE name = 'audit_head'").arg(count).arg(prev));
    }
    QCOMPARE(verify(&output), 0); // the chain alone cannot tell …
    QCOMPARE(verify(&output, {QStringLiteral("--expect"), head}), 1); // … a head noted outside the database can
    QVERIFY2(output.startsWith(QStringLiteral("tampered: entry %1:").arg(count)), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
