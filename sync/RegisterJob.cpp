#include "sync/RegisterJob.h"

namespace gongdan {

void RegisterJob::start()
{
    send("POST", QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), m_clientId}},
        [this](const SyncReply& reply) {
            if (!reply.ok())
                return Q_EMIT finished(reply.failure);
            const QString code = reply.json().value(QStringLiteral("device_code")).toString();
            Q_EMIT answered();
            store([code](SyncWriter& writer) { return writer.setDeviceCode(code); },
                [this](const Status& set) {
                    if (stored(set))
                        Q_EMIT finished({});
                });
        });
}

} // namespace gongdan
