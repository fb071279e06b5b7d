#pragma once

#include "storage/SyncCache.h"

#include <QByteArray>
#include <memory>

namespace gongdan {

/// One page of a first sync's snapshot (`GET /v1/sync/snapshot`), decoded: the tickets' server copies
/// as Ticket values, comments as Comment values, events as TicketEvent values, conflicts as they came (a
/// page of conversations only, comments=only, has no ticket copies: their comments and events).
struct SnapshotPage {
    int status = 0; ///< HTTP status; 0 when the server could not be reached
    QString networkError;
    QByteArray errorBody; ///< the body of a refusal (its JSON error)
    qint64 cursor = 0; ///< the change-log position read before the page
    QString epoch;
    qint64 total = 0; ///< the part's size, on its first page only
    bool more = false;
    QString nextAfter; ///< where the part's next page starts
    qint64 tickets = 0;
    QList<PulledChange> changes;
};

/// Decodes snapshot pages with simdjson (its DOM parser, kept between pages so that its buffers are
/// reused): at 100,000 tickets, QJsonDocument took most of the decoding thread's time, which a first
/// sync's queue waits for on two cores. Tickets and comments are read by the same rules as everywhere
/// else (JsonCodec::ticketFrom and commentFrom); what is nested — tags, custom fields, aliases,
/// conflicts — becomes Qt's JSON types. A body that is not a snapshot page becomes a refusal (status
/// 502, a JSON error in errorBody) and nothing of it is stored.
class SnapshotDecoder {
public:
    SnapshotDecoder();
    ~SnapshotDecoder();
    SnapshotDecoder(const SnapshotDecoder&) = delete;
    SnapshotDecoder& operator=(const SnapshotDecoder&) = delete;

    SnapshotPage decode(const QByteArray& body);

private:
    struct Parser;
    std::unique_ptr<Parser> m_parser;
};

/// Decodes one page with a decoder of its own (tests; the fetcher keeps one).
SnapshotPage decodeSnapshotPage(const QByteArray& body);

} // namespace gongdan
