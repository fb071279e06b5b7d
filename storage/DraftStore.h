#pragma once

#include "Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace gongdan {

/// One saved draft: what the agent had typed and when it was saved.
struct Draft {
    QJsonObject body;
    QDateTime savedAt;
};

/// Unsaved edits kept in the local store while the agent types, so a crash or a power cut loses
/// nothing: a ticket editor saves under "ticket:<id>", a call being logged under "call". Drafts belong
/// to this workstation and never sync; saving the real change removes the draft.
class DraftStore {
public:
    explicit DraftStore(Database& db);

    Status save(const QString& key, const QJsonObject& body);
    std::optional<Draft> load(const QString& key);
    Status remove(const QString& key);

    static QString ticketKey(const QString& ticketId) { return QStringLiteral("ticket:") + ticketId; }

private:
    Database& m_db;
};

} // namespace gongdan
