#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace gongdan {

/// One queued intent as a push carries it.
struct Mutation {
    qint64 seq = 0;
    QString mutationId;
    QString name; ///< ticket.create | ticket.patch | ticket.transition | comment.add | customer.upsert | …
    QString entityId;
    QJsonObject args;
    /// Set when the intent itself cannot be taken (text the database cannot store): it is answered
    /// "rejected" with this, like any refused intent, so the device's queue goes on.
    std::optional<Error> refused = std::nullopt;
};

} // namespace gongdan
