#pragma once

#include <QJsonObject>
#include <QString>

namespace gongdan {

/// One queued intent as a push carries it.
struct Mutation {
    qint64 seq = 0;
    QString mutationId;
    QString name; ///< ticket.create | ticket.patch | ticket.transition | comment.add | customer.upsert | …
    QString entityId;
    QJsonObject args;
};

} // namespace gongdan
