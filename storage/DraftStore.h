#pragma once

#include "storage/Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace gongdan {

/// One saved draft: what the agent had typed and when it was saved.
struct Draft {
    QJsonObject body;
    QDateTime savedAt;
};

/// Unsaved work kept in the local store while the agent types, so a crash or a power cut loses
/// nothing: a ticket editor saves under "ticket:<id>", a call being logged under "call:<uuid>", the work
/// tabs their list under "tabs". Every key starts with the signed-in agent's id ("<agent>/ticket:<id>"),
/// so another user signing in on the same workstation never sees them. Drafts belong to this
/// workstation and never sync; saving the real change removes the draft.
class DraftStore {
public:
    explicit DraftStore(Database& db);

    Status save(const QString& key, const QJsonObject& body);
    std::optional<Draft> load(const QString& key);
    Status remove(const QString& key);
    /// Every stored key that starts with `prefix`, in key order (calls: the order they started, by UUIDv7).
    QStringList keys(const QString& prefix);

    /// `key` as the agent's own: "<agentId>/<key>".
    static QString agentKey(const QString& agentId, const QString& key) { return agentId + QLatin1Char('/') + key; }
    static QString ticketKey(const QString& agentId, const QString& ticketId)
    {
        return agentKey(agentId, QStringLiteral("ticket:") + ticketId);
    }
    /// The open work tabs of the agent.
    static QString tabsKey(const QString& agentId) { return agentKey(agentId, QStringLiteral("tabs")); }

private:
    Database& m_db;
};

} // namespace gongdan
