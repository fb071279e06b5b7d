#pragma once

// A headless workstation for the sync tests: its own WorkstationCore signed in to a real gongdan-server.
#include "sync/WorkstationCore.h"
#include "tests/support/SyncDevice.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace gongdan::test {

/// One agent's workstation: its own synced store (WorkstationCore), signed in as `login`.
struct Desk {
    /// `skewSeconds`: how far this workstation's clock is off (it stands still there).
    Desk(const QString& serverUrl, const QString& login, const QString& password, qint64 skewSeconds = 0)
        : clock(QDateTime::currentDateTimeUtc().addSecs(skewSeconds)), server(serverUrl)
    {
        auto opened = WorkstationCore::open(
            dir.filePath(QStringLiteral("desk.sqlite")), clock, {WorkstationCore::Numbering::DeviceRefs, {}});
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        store = std::move(opened.value());
        db = &store->db();
        tickets = &store->tickets();
        cache = &store->cache();
        engine = &store->engine();
        HttpClient http(serverUrl);
        const HttpResult signedIn = http.post(QStringLiteral("/api/v1/session"),
            {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
        token = signedIn.body.value(QStringLiteral("token")).toString();
        const QJsonObject user = signedIn.body.value(QStringLiteral("user")).toObject();
        userId = user.value(QStringLiteral("id")).toString();
        me = Principal {userId, roleFromName(user.value(QStringLiteral("role")).toString()).value_or(Role::Agent), {}};
        for (const QJsonValue& group : user.value(QStringLiteral("groups")).toArray())
            me.groupIds.append(group.toString());
        cache->claimFor(userId); // the store is theirs (SyncController does this at sign-in)
    }
    void start() { engine->start(QUrl(server), token); }
    bool idle(int ms = 15000)
    {
        return QTest::qWaitFor(
            [this] { return engine->state() == SyncEngine::State::Idle && engine->waiting() == 0; }, ms);
    }
    QStringList ticketIds()
    {
        QStringList ids;
        QSqlQuery query(db->sql());
        query.exec(QStringLiteral("SELECT id FROM ticket ORDER BY id"));
        while (query.next())
            ids.append(query.value(0).toString());
        return ids;
    }
    qint64 outbox()
    {
        QSqlQuery query(db->sql());
        return query.exec(QStringLiteral("SELECT count(*) FROM outbox")) && query.next() ? query.value(0).toLongLong()
                                                                                         : -1;
    }

    ManualClock clock;
    QTemporaryDir dir;
    QString server;
    std::unique_ptr<WorkstationCore> store;
    Database* db;
    TicketRepository* tickets;
    SyncCache* cache;
    SyncEngine* engine;
    QString token;
    QString userId;
    Principal me; ///< the signed-in user as the ticket rules see them
};

} // namespace gongdan::test
