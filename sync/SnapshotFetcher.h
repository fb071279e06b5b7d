#pragma once

#include "sync/SnapshotDecoder.h"

#include <QObject>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace gongdan {

/// A decoded page on its way to the store and back: the fetcher's thread frees it (a page's hundreds of
/// tickets and comments take a while to free, which the store's thread has better things to do with).
using SnapshotPagePtr = std::shared_ptr<const SnapshotPage>;

/// Fetches and decodes the pages of one part of a first sync's snapshot on a thread of its own (the
/// SyncEngine's worker), so that reading and decoding page N+1 — JSON parsing, UTF-8, building tickets
/// and comments — overlaps with storing page N on the thread that owns the store, and the server reads
/// page N+1 while page N is decoded (it is asked for from the Link header before the body is parsed). At
/// most three pages are out or wait for the store; taken() makes room and hands the page back to be freed
/// here. Every call arrives queued from the engine's thread.
class SnapshotFetcher : public QObject {
    Q_OBJECT

public:
    struct Part {
        QUrl server;
        QString token;
        QString clientId;
        QString epoch;
        QString name; ///< mine | rest
        QString comments = QStringLiteral("all"); ///< all | none | only (the server's `comments`)
        int limit = 500; ///< tickets on the first page
        /// Tickets a page may grow to once the part's total is known (grownLimit()).
        int largestLimit = 500;
        quint64 generation = 0; ///< the engine's generation: pages of an older one are dropped there
    };

    explicit SnapshotFetcher(QObject* parent = nullptr);

    /// Each page of a part is one commit in the cache, and a commit rewrites every page of the ticket
    /// number and alias indexes it touched (tickets come in id order, those indexes' keys in any order),
    /// so a large part goes faster in larger pages: at 100,000 tickets, pages of 2,000 instead of 500
    /// made the queue usable 0.3–0.5 s sooner (docs/PERFORMANCE.md). At least kFewestPages pages still,
    /// so that progress moves; never smaller than the first page nor larger than `largest`.
    static constexpr qint64 kFewestPages = 20;
    static int grownLimit(qint64 total, int first, int largest);

    /// Starts fetching `part` from its beginning (dropping any part in progress).
    void fetch(const gongdan::SnapshotFetcher::Part& part);
    /// The engine stored `page`; it is freed here, after the next page is decoded (by then the engine's
    /// thread holds no reference to it any more).
    void taken(gongdan::SnapshotPagePtr page);
    /// Stops (a failure or stop() on the engine's side).
    void cancel();

Q_SIGNALS:
    void pageReady(quint64 generation, gongdan::SnapshotPagePtr page);

private:
    /// The address of the part's page after `after` (empty: its first page).
    QUrl pageUrl(const QString& after) const;
    /// The next page's address from the reply's Link header; empty when there is none.
    static QUrl nextLink(const QNetworkReply* reply);
    /// Asks for m_next, with the part's current page size.
    void requestNext();
    void finished(QNetworkReply* reply);

    QNetworkAccessManager* m_network = nullptr; ///< made on the worker thread
    Part m_part;
    QUrl m_next; ///< the page to ask for next; empty after the part's last page
    bool m_active = false;
    bool m_inFlight = false;
    int m_waiting = 0; ///< pages handed over and not yet taken
    QList<SnapshotPagePtr> m_spent; ///< taken back, to be freed
    SnapshotDecoder m_decoder;
};

} // namespace gongdan
