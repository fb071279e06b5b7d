#include "sync/SnapshotFetcher.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace gongdan {

namespace {

constexpr int kMaxWaiting = 3; // decoded pages waiting for the store, counting a request out

} // namespace

SnapshotFetcher::SnapshotFetcher(QObject* parent) : QObject(parent) { }

int SnapshotFetcher::grownLimit(qint64 total, int first, int largest)
{
    return static_cast<int>(std::clamp<qint64>(total / kFewestPages, first, std::max(first, largest)));
}

void SnapshotFetcher::fetch(const Part& part)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_part = part;
    m_next = pageUrl({});
    m_active = true;
    m_waiting = 0;
    if (!m_inFlight)
        requestNext();
}

void SnapshotFetcher::taken(SnapshotPagePtr page)
{
    m_waiting = std::max(0, m_waiting - 1);
    if (!m_active || m_next.isEmpty()) {
        m_spent.clear(); // no page follows to free them after (and this one goes wherever its last user is)
        return;
    }
    m_spent.append(std::move(page));
    if (!m_inFlight && m_waiting < kMaxWaiting)
        requestNext();
}

void SnapshotFetcher::cancel()
{
    m_active = false;
}

QUrl SnapshotFetcher::pageUrl(const QString& after) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_part.clientId);
    if (!m_part.epoch.isEmpty())
        query.addQueryItem(QStringLiteral("epoch"), m_part.epoch);
    query.addQueryItem(QStringLiteral("part"), m_part.name);
    query.addQueryItem(QStringLiteral("comments"), m_part.comments);
    query.addQueryItem(QStringLiteral("after"), after);
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_part.limit));
    QUrl url = m_part.server;
    url.setPath(QStringLiteral("/v1/sync/snapshot"));
    url.setQuery(query);
    return url;
}

QUrl SnapshotFetcher::nextLink(const QNetworkReply* reply)
{
    // Link: <url>; rel="next" (RFC 8288), the one form the server writes.
    const QByteArray link = reply->rawHeader("Link");
    const qsizetype open = link.indexOf('<');
    const qsizetype close = link.indexOf('>', open + 1);
    if (open < 0 || close < 0 || !link.mid(close).contains("rel=\"next\""))
        return {};
    return reply->url().resolved(QUrl::fromEncoded(link.mid(open + 1, close - open - 1)));
}

void SnapshotFetcher::requestNext()
{
    QUrlQuery query(m_next); // the server's Link repeats the size it was asked for
    query.removeAllQueryItems(QStringLiteral("limit"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_part.limit));
    m_next.setQuery(query);
    QNetworkRequest request(m_next);
    request.setRawHeader("Authorization", "Bearer " + m_part.token.toUtf8());
    request.setTransferTimeout(30000);
    m_inFlight = true;
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation = m_part.generation] {
        reply->deleteLater();
        m_inFlight = false;
        if (!m_active || generation != m_part.generation) {
            if (m_active && !m_next.isEmpty()) // a newer part was asked for meanwhile
                requestNext();
            return;
        }
        finished(reply);
    });
}

void SnapshotFetcher::finished(QNetworkReply* reply)
{
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    auto decoded = std::make_shared<SnapshotPage>();
    SnapshotPage& page = *decoded;
    if (status != 200) {
        m_spent.clear();
        page.status = status;
        page.networkError = reply->errorString();
        page.errorBody = body;
        m_active = false; // the engine decides what comes next
    } else {
        // The next page is asked for before this one is decoded, so that the server reads it meanwhile
        // (this page counts as waiting already).
        m_next = nextLink(reply);
        const bool early = !m_next.isEmpty() && m_waiting + 1 < kMaxWaiting;
        if (early)
            requestNext();
        m_spent.clear();
        page = m_decoder.decode(body);
        if (page.status == 200 && page.total > 0) // (only a part's first page says how many it holds)
            m_part.limit = grownLimit(page.total, m_part.limit, m_part.largestLimit);
        if (m_next.isEmpty() && page.more) // no Link header: the body says where the next page starts
            m_next = pageUrl(page.nextAfter);
        m_active = page.status == 200 && !m_next.isEmpty(); // a page that did not decode: the engine decides
    }
    ++m_waiting;
    Q_EMIT pageReady(m_part.generation, std::move(decoded));
    if (m_active && !m_inFlight && !m_next.isEmpty() && m_waiting < kMaxWaiting)
        requestNext();
}

} // namespace gongdan
