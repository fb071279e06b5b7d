#pragma once

#include "domain/Ticket.h"
#include "tests/support/ServerHarness.h"

#include <QJsonArray>

namespace gongdan::test {

/// Signs in over HTTP; the token, or qFatal.
QString signIn(const QString& baseUrl, const QString& login, const QString& password);

/// One simulated workstation speaking the sync protocol: a device id, a token, its own seq counter
/// and pull cursor. For server tests; the real workstation uses sync/SyncEngine.
class SyncDevice {
public:
    SyncDevice(const QString& baseUrl, const QString& token);

    /// The next mutation of this device (its seq counts up).
    QJsonObject mutation(const QString& name, const QString& entityId, const QJsonObject& args);
    HttpResult push(const QJsonArray& mutations);
    /// Pulls (pages of `pageSize`) until has_more is false; every change after the cursor. Users and
    /// groups (team-wide rows every device gets) are left out unless `withTeam`.
    QJsonArray pullAll(int pageSize = 3, bool withTeam = false);

    HttpClient http;
    QString clientId;
    qint64 nextSeq = 0;
    qint64 cursor = 0;
    QString lastError;
};

/// A ticket draft with a fresh id, for create mutations.
Ticket newTicket(const QString& subject, const QString& group, const QString& provisional);
QJsonObject createArgs(const Ticket& ticket);
QJsonObject commentArgs(const QString& ticketId, const QString& body);

} // namespace gongdan::test
