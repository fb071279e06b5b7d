#pragma once

// A seeded team on one backend with a real gongdan-server over it, and REST clients whose every answer is held to
// docs/api/openapi.yaml: the fixture of the API suites that check the contract as they go.
#include "tests/support/OpenApiContract.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <memory>
#include <vector>

namespace gongdan::test {

class ContractServer {
public:
    /// Seeds the team and starts the server; the reason when it could not.
    QString start(const QString& backend)
    {
        m_team = seededTeam(backend);
        if (!m_team->available())
            return m_team->why();
        return m_server.start(m_team->location()) ? QString() : m_server.lastLog();
    }

    /// Stops the server; what the clients met that the contract does not allow (and whether it could be read).
    QStringList stop()
    {
        if (m_server.running())
            m_server.terminate();
        QStringList violations;
        if (!m_contract)
            violations.append(QStringLiteral("docs/api/openapi.yaml could not be read"));
        for (const auto& client : m_clients)
            violations += client->contractViolations();
        m_clients.clear();
        m_team.reset();
        return violations;
    }

    /// A client signed in as `login`, held to the contract.
    HttpClient* as(const QString& login, const QString& password)
    {
        auto http = std::make_unique<HttpClient>(m_server.baseUrl());
        http->setToken(signIn(m_server.baseUrl(), login, password));
        http->holdTo(m_contract ? &*m_contract : nullptr);
        m_clients.push_back(std::move(http));
        return m_clients.back().get();
    }

    /// Adds the supervisor chen (陈主管) of the service group, as the admin does over REST; the answer's status.
    int addServiceSupervisor()
    {
        return as(QStringLiteral("boss"), QStringLiteral("boss-password"))
            ->post(QStringLiteral("/api/v1/users"),
                {{QStringLiteral("login"), QStringLiteral("chen")},
                    {QStringLiteral("password"), QStringLiteral("chen-password")},
                    {QStringLiteral("name"), QStringLiteral("陈主管")},
                    {QStringLiteral("role"), QStringLiteral("supervisor")},
                    {QStringLiteral("groups"), QJsonArray {QStringLiteral("service")}}})
            .status;
    }

    TeamDatabase& team() { return *m_team; }
    ServerProcess& server() { return m_server; }

private:
    std::unique_ptr<TeamDatabase> m_team;
    ServerProcess m_server;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
    std::vector<std::unique_ptr<HttpClient>> m_clients;
};

} // namespace gongdan::test
