#include "server/SyncRoutes.h"

#include "server/ApiSupport.h"

#include <QUrlQuery>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using namespace api;

SyncRoutes::SyncRoutes(AuthService& auth, SyncService& sync) : m_auth(auth), m_sync(sync) { }

void SyncRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/v1/sync/register"), Method::Post,
        [this](const QHttpServerRequest& request) { return registerClient(request); });
    http.route(QStringLiteral("/v1/sync/push"), Method::Post,
        [this](const QHttpServerRequest& request) { return push(request); });
    http.route(QStringLiteral("/v1/sync/pull"), Method::Get,
        [this](const QHttpServerRequest& request) { return pull(request); });
    http.route(QStringLiteral("/v1/sync/snapshot"), Method::Get,
        [this](const QHttpServerRequest& request) { return snapshot(request); });
}

QHttpServerResponse SyncRoutes::registerClient(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto body = parseBody(request, {QStringLiteral("client_id")});
    if (!body)
        return errorResponse(body.error());
    auto answer = m_sync.registerClient(who.value().user, body.value());
    if (!answer)
        return errorResponse(answer.error());
    if (m_attachmentLimit > 0) // what the desk may upload (AttachmentRoutes), told before it tries
        answer.value().insert(QStringLiteral("attachment_limit_bytes"), m_attachmentLimit);
    return jsonResponse(answer.value());
}

QHttpServerResponse SyncRoutes::push(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    // Each mutation's text is checked on its own (SyncService): one bad intent is refused, not the push.
    auto body = parseBody(request,
        {QStringLiteral("client_id"), QStringLiteral("schema_version"), QStringLiteral("mutations")},
        {QStringLiteral("mutations")});
    if (!body)
        return errorResponse(body.error());
    auto answer = m_sync.push(who.value().user, body.value());
    if (!answer)
        return errorResponse(answer.error());
    const bool stopped = answer.value().contains(QStringLiteral("error"));
    return jsonResponse(
        answer.value(), stopped ? QHttpServerResponse::StatusCode::Conflict : QHttpServerResponse::StatusCode::Ok);
}

QHttpServerResponse SyncRoutes::pull(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    const QUrlQuery query = request.query();
    bool cursorOk = true, limitOk = true;
    const qint64 cursor = query.hasQueryItem(QStringLiteral("cursor"))
        ? query.queryItemValue(QStringLiteral("cursor")).toLongLong(&cursorOk)
        : 0;
    const int limit = query.hasQueryItem(QStringLiteral("limit"))
        ? query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk)
        : 1000;
    if (!cursorOk || cursor < 0)
        return errorResponse(Error {QStringLiteral("request.wrong_type"),
            QStringLiteral("cursor is a whole number from 0 (next_cursor of the page before)."),
            QStringLiteral("cursor")});
    if (!limitOk || limit < 1 || limit > SyncService::kMaxPullLimit)
        return errorResponse(Error {QStringLiteral("request.wrong_type"),
            QStringLiteral("limit is a whole number from 1 to %1.").arg(SyncService::kMaxPullLimit),
            QStringLiteral("limit")});
    for (const QString& flag : {QStringLiteral("mine"), QStringLiteral("team")}) {
        const QString value = query.queryItemValue(flag);
        if (query.hasQueryItem(flag) && value != QLatin1String("0") && value != QLatin1String("1"))
            return errorResponse(
                Error {QStringLiteral("request.wrong_type"), QStringLiteral("%1 is 0 or 1.").arg(flag), flag});
    }
    auto answer = m_sync.pull(who.value().user, query.queryItemValue(QStringLiteral("client_id")), cursor, limit,
        query.queryItemValue(QStringLiteral("epoch")),
        query.queryItemValue(QStringLiteral("mine")) == QLatin1String("1"),
        query.queryItemValue(QStringLiteral("team")) == QLatin1String("1"));
    return answer ? jsonResponse(answer.value()) : errorResponse(answer.error());
}

QHttpServerResponse SyncRoutes::snapshot(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    const QUrlQuery query = request.query();
    const QString part = query.queryItemValue(QStringLiteral("part"));
    if (part != QLatin1String("mine") && part != QLatin1String("rest"))
        return errorResponse(Error {QStringLiteral("request.wrong_type"),
            QStringLiteral("part is \"mine\" or \"rest\"."), QStringLiteral("part")});
    const QString comments = query.queryItemValue(QStringLiteral("comments"));
    if (!comments.isEmpty() && comments != QLatin1String("all") && comments != QLatin1String("none")
        && comments != QLatin1String("only"))
        return errorResponse(Error {QStringLiteral("request.wrong_type"),
            QStringLiteral("comments is \"all\", \"none\" or \"only\"."), QStringLiteral("comments")});
    auto limit = limitParameter(request, 500, SyncService::kMaxPullLimit);
    if (!limit)
        return errorResponse(limit.error());
    const SnapshotReader::Content content = comments == QLatin1String("none") ? SnapshotReader::Content::NoComments
        : comments == QLatin1String("only")                                   ? SnapshotReader::Content::CommentsOnly
                                                                              : SnapshotReader::Content::Everything;
    auto page = m_sync.snapshot(who.value().user,
        part == QLatin1String("mine") ? SnapshotReader::Part::Mine : SnapshotReader::Part::Rest, content,
        query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded), limit.value(),
        query.queryItemValue(QStringLiteral("epoch")));
    if (!page)
        return errorResponse(page.error());
    QHttpServerResponse response(QByteArrayLiteral("application/json"), page.value().body);
    if (page.value().more) {
        // The next page's address as a Link header (RFC 8288): a client can ask for it as soon as the
        // headers arrive, before reading this page's body.
        QUrlQuery next = query;
        next.removeAllQueryItems(QStringLiteral("after"));
        next.addQueryItem(QStringLiteral("after"), page.value().nextAfter);
        QUrl url;
        url.setPath(request.url().path());
        url.setQuery(next);
        response.addHeader(QByteArrayLiteral("Link"), "<" + url.toEncoded() + ">; rel=\"next\"");
    }
    return response;
}

} // namespace gongdan
