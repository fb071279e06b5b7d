#include "sync/PushJob.h"

namespace gongdan {

PushJob::PushJob(SyncTransport& transport, WriterQueue& queue, QString clientId, int batch, QObject* parent)
    : SyncJob(transport, queue, std::move(clientId), parent), m_batch(batch)
{
}

void PushJob::start()
{
    store([limit = m_batch](SyncWriter& writer) { return writer.nextPush(limit); },
        [this](const PushBatch& batch) {
            if (batch.mutations.isEmpty())
                return Q_EMIT finished({});
            send("POST", QStringLiteral("/v1/sync/push"),
                {{QStringLiteral("client_id"), m_clientId}, {QStringLiteral("mutations"), batch.mutations}},
                [this, localSeq = batch.localSeq](const SyncReply& reply) {
                    const QJsonObject answer = reply.json();
                    // A 409 with results: a seq is missing on the server; what it did take is stored first.
                    if (!reply.ok() && !(reply.status == 409 && answer.contains(QStringLiteral("results"))))
                        return Q_EMIT finished(reply.failure);
                    Q_EMIT answered();
                    store([answer, localSeq](SyncWriter& writer) { return writer.recordPush(answer, localSeq); },
                        [this, failure = reply.failure](const StoreOutcome& outcome) {
                            if (!stored(outcome))
                                return;
                            m_sent = true;
                            Q_EMIT finished(failure); // (after a 409: nothing more until the missing seq is resolved)
                        });
                });
        });
}

} // namespace gongdan
