#include "server/PendingReply.h"

#include "server/HttpApi.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QTcpSocket>

namespace gongdan {

RequestLine RequestLine::of(const QHttpServerRequest& request)
{
    const char* key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(request.method()));
    return {key ? QString::fromLatin1(key).toUpper() : QStringLiteral("UNKNOWN"), request.url().path(),
        request.remoteAddress()};
}

PendingReply::PendingReply(const QHttpServerRequest& request, QHttpServerResponder&& responder, HttpApi& api)
    : m_line(RequestLine::of(request)), m_socket(responder.socket()), m_responder(std::move(responder)), m_api(&api)
{
}

bool PendingReply::connected() const
{
    return m_socket && m_socket->isOpen() && m_socket->state() == QAbstractSocket::ConnectedState;
}

void PendingReply::send(QHttpServerResponse&& response)
{
    if (m_sent || !m_api)
        return;
    m_sent = true;
    QHttpServerResponse finished = m_api->finish(std::move(response), m_line);
    if (!connected()) // the answer has nobody to go to; the log has it
        return;
    finished.write(std::move(m_responder));
}

} // namespace gongdan
