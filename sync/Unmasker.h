#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace gongdan {

/// Asks the team server for the clear values of sensitive data (domain/Masking.h) on demand: the "Show"
/// button beside a masked ID card, bank card or sensitive custom field. The desk's store only ever holds
/// the masked form; what this brings is shown in that view and kept nowhere. The server allows it to
/// supervisors and admins (access::mayUnmask) and records every answer in its audit trail. Asynchronous:
/// `revealed` or `refused` follows each request.
class Unmasker : public QObject {
    Q_OBJECT

public:
    struct Connection {
        QUrl server;
        QString token; ///< empty: not signed in (not connected)
    };
    /// `connection`: the server and token to ask with, as of now (the sync engine's).
    explicit Unmasker(std::function<Connection()> connection, QObject* parent = nullptr);

    /// `entity`: "customer" or "ticket"; `fields`: "id_card", "bank_card", "custom_fields.<key>".
    void reveal(const QString& entity, const QString& id, const QStringList& fields);

Q_SIGNALS:
    void revealed(const QString& entity, const QString& id, const QHash<QString, QString>& values);
    /// Not shown: why, translated.
    void refused(const QString& entity, const QString& id, const QString& message);

private:
    std::function<Connection()> m_connection;
    QNetworkAccessManager m_network;
};

} // namespace gongdan
