#pragma once

// One sync job run alone (sync/SyncJob): a signed-in desk's store (its engine never started), the
// writer on its thread (WriterQueue) and a transport to the real server, as the engine would hand them over.
#include "storage/Database.h"
#include "storage/Outbox.h"
#include "sync/SyncJob.h"
#include "tests/support/Desk.h"

#include <QTest>
#include <optional>

namespace gongdan::test {

struct JobRig {
    JobRig(const QString& serverUrl, const QString& login, const QString& password)
        : desk(serverUrl, login, password), queue(desk.db->path(), desk.clock, CoreNumbering::DeviceRefs, {})
    {
        transport.setServer(QUrl(serverUrl), desk.token);
        clientId = Outbox(*desk.db).identity(desk.userId).value().clientId;
        queue.post([user = desk.userId](SyncWriter& writer) { writer.setSignedInUser(user); });
    }

    /// Starts `job` and waits for its finished(); nullopt when it never came within `ms`.
    std::optional<SyncFailure> run(SyncJob& job, int ms = 20000)
    {
        std::optional<SyncFailure> outcome;
        int count = 0;
        QObject::connect(&job, &SyncJob::finished, &job, [&](const SyncFailure& failure) {
            outcome = failure;
            ++count;
        });
        job.start();
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, ms))
            return std::nullopt;
        QTest::qWait(50); // a second finished() would be a bug
        return count == 1 ? outcome : std::nullopt;
    }

    /// Queues `name` on `entityId` as the signed-in user would (a raw intent, e.g. one the server refuses).
    void enqueue(const QString& name, const QString& entityId, const QJsonObject& args)
    {
        SqlTransaction transaction(*desk.db);
        QVERIFY(Outbox(*desk.db).append(name, entityId, args));
        QVERIFY(transaction.commit());
    }

    Desk desk;
    WriterQueue queue;
    SyncTransport transport;
    QString clientId;
};

} // namespace gongdan::test
