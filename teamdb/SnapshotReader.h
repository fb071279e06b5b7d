#pragma once

#include "teamdb/SyncStore.h"

#include <QByteArray>

namespace gongdan {

/// Reads the paged snapshot a new device fills its cache from (GET /v1/sync/snapshot): the current
/// state of the tickets a user may read, in id order, each with its aliases, comments, events and conflicts —
/// one row per ticket instead of its whole history. Pages are written as JSON straight from the stored
/// JSON texts, never parsed and serialised again.
class SnapshotReader {
public:
    /// Which of the user's tickets: the ones assigned to them (their own queue, sent first) or the rest.
    enum class Part { Mine, Rest };
    /// What each ticket of a page carries: everything; all but its comments and events (a queue usable
    /// sooner); only its comments and events (the conversations and the event log, fetched after the queue).
    enum class Content { Everything, NoComments, CommentsOnly };

    explicit SnapshotReader(ServerDatabase& database);

    /// How many tickets the part holds (the workstation's progress bar).
    Result<qint64> count(const Principal& who, Part part);
    /// Up to `limit` tickets after `afterId`: a JSON array of {id, server_seq, ticket, aliases, comments,
    /// events, conflicts} (NoComments: no comments or events; CommentsOnly: {id, server_seq, comments,
    /// events}); `lastId` is set to
    /// the last ticket's id, `rows` to their number.
    Result<QByteArray> page(const Principal& who, Part part, Content content, const QString& afterId, int limit,
        QString* lastId, int* rows);

private:
    /// The WHERE clause for the part's tickets (alias t), its values appended.
    static QString condition(const Principal& who, Part part, QVariantList& values);

    ServerDatabase& m_database;
};

} // namespace gongdan
