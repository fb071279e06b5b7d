#pragma once

#include "domain/Result.h"
#include "teamdb/ServerDatabase.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace gongdan {

/// One team-wide record as the team database keeps it.
struct TeamRecord {
    QString kind; ///< customer | field | category | view
    QString id;
    QJsonObject data;
    int version = 0;
    qint64 serverSeq = 0;
};

/// The team database's customers, field definitions, categories and custom views (table team_record): whole JSON
/// records every workstation keeps a copy of, with the one value per kind that must stay unique (a
/// customer number, a field key) and the text a customer search matches. Writes run inside the caller's
/// transaction, beside their change-log rows.
class TeamRecordStore {
public:
    explicit TeamRecordStore(ServerDatabase& database);

    std::optional<TeamRecord> find(const QString& kind, const QString& id);
    /// The id of the record of `kind` holding `uniqueKey`, if any.
    std::optional<QString> idByKey(const QString& kind, const QString& uniqueKey);
    /// Inserts or replaces the record. An empty `uniqueKey` is none (stored as NULL).
    Status store(const TeamRecord& record, const QString& uniqueKey, const QString& search);
    /// Deletes the record (nothing when there is none).
    Status remove(const QString& kind, const QString& id);
    /// Records of `kind` ordered by id after `afterId`, at most `limit`; `search`, when given, is a
    /// fragment the record's search text contains (case-insensitive).
    Result<QList<TeamRecord>> list(const QString& kind, const QString& search, const QString& afterId, int limit);

private:
    ServerDatabase& m_database;
};

} // namespace gongdan
