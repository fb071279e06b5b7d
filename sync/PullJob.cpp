#include "sync/PullJob.h"

#include <QUrlQuery>

namespace gongdan {

PullJob::PullJob(SyncTransport& transport, WriterQueue& queue, QString clientId, int page, QObject* parent)
    : SyncJob(transport, queue, std::move(clientId), parent), m_page(page)
{
}

void PullJob::start()
{
    next();
}

void PullJob::next()
{
    store([](SyncWriter& writer) { return std::make_pair(writer.cursor(), writer.epoch()); },
        [this](const std::pair<qint64, QString>& at) {
            const auto& [cursor, epoch] = at;
            if (cursor == 0) { // an empty cache (or a rebuild): the snapshot
                m_needsFirstSync = true;
                return Q_EMIT finished({});
            }
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("client_id"), m_clientId);
            query.addQueryItem(QStringLiteral("cursor"), QString::number(cursor));
            query.addQueryItem(QStringLiteral("limit"), QString::number(m_page));
            if (!epoch.isEmpty())
                query.addQueryItem(QStringLiteral("epoch"), epoch);
            send("GET", QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded), {},
                [this](const SyncReply& reply) {
                    if (!reply.ok())
                        return Q_EMIT finished(reply.failure);
                    Q_EMIT answered();
                    // Decoded and stored on the store's thread; a first sync's last pull ends its load there.
                    store([body = reply.body](SyncWriter& writer) { return writer.applyPull(body); },
                        [this](const PageOutcome& page) {
                            if (!stored(page.stored))
                                return;
                            ++m_pages;
                            if (page.more)
                                return next();
                            Q_EMIT finished({});
                        });
                });
        });
}

} // namespace gongdan
