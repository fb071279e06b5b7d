#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QWebSocket>

namespace gongdan::test {

/// A poke socket as a workstation opens it: says who it is with `token` once connected and collects
/// what the server sends.
struct PokeListener {
    PokeListener(quint16 port, const QString& token)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
            [this](const QString& message) { messages.append(message); });
        QObject::connect(&socket, &QWebSocket::connected, &socket, [this, token] {
            socket.sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject {{QStringLiteral("token"), token}}).toJson(QJsonDocument::Compact)));
        });
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/sync/ws").arg(port)));
    }
    bool ready()
    {
        return QTest::qWaitFor([this] { return messages.contains(QStringLiteral("{\"ready\":true}")); }, 10000);
    }
    /// The server closed the socket within `ms`.
    bool closed(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, ms);
    }
    bool poked(qint64 serverSeq, int ms = 5000)
    {
        return QTest::qWaitFor(
            [this, serverSeq] { return messages.contains(QStringLiteral("{\"poke\":%1}").arg(serverSeq)); }, ms);
    }
    QWebSocket socket;
    QStringList messages;
};

} // namespace gongdan::test
