#pragma once

// The team the rule-parity test (tests/server/tst_ruleparity.cpp) runs its rows in, on one backend.
#include "tests/support/Desk.h"

#include <QHash>
#include <map>

namespace gongdan::test {

/// One backend's team for the rule-parity rows: the seeded team (seedTeam: groups service and field-ops;
/// boss, li.na, zhang, wang) on a real gongdan-server, extended over REST by the admin with a third group
/// (billing), a supervisor (zhao: service and billing), an agent of billing (qian), a switched-off agent of
/// service (gone), a customer, categories (after-sales › repair → billing, consult → service › usage, a
/// switched-off one) and three field definitions (model: a choice of x1 | x2; refund: a decimal only
/// supervisors and admins edit, required to close; serial: required text of the repair category only).
/// Each role acting in the rows — agent (li.na), supervisor (zhao), admin (boss), field (wang) — has a
/// headless workstation synced with the server, and reaches it over REST and as a sync device with the
/// same sign-in.
///
/// Rows name people and records by symbols that resolved() turns into ids: "@agent", "@supervisor",
/// "@admin", "@field", "@zhang", "@qian", "@gone", "@nobody" (no such person), "@c1", "@nocustomer",
/// "@after-sales", "@repair", "@consult", "@usage", "@retired", "@nocategory"; a row adds its own ("@T":
/// its second ticket, "@self": the ticket a path works on).
class ParityTeam {
public:
    static const QStringList& roles();

    explicit ParityTeam(const QString& backend);
    ~ParityTeam();
    ParityTeam(const ParityTeam&) = delete;
    ParityTeam& operator=(const ParityTeam&) = delete;

    const QString& backend() const { return m_backend; }
    /// Why this backend cannot run here; empty when it can.
    QString skipReason() const { return m_fixture.skipReason(); }
    /// Starts the server, extends the team and syncs every role's workstation once. False with the reason.
    bool open(QString* error);

    Desk& desk(const QString& role) { return *m_desks.at(role); }
    HttpClient& rest(const QString& role) { return *m_rest.at(role); }
    SyncDevice& device(const QString& role) { return *m_devices.at(role); }
    /// `value` with every "@symbol" string (also inside arrays and objects) replaced by its id.
    QJsonValue resolved(const QJsonValue& value, const QHash<QString, QString>& extra = {}) const;
    QString id(const QString& symbol) const { return m_ids.value(symbol); }

    /// A ticket made over REST as the spec says: {"by": role (admin if absent), ticket fields (subject
    /// "parity" if absent), "then": [{"as": role, transition body}, …]}. Its id; empty with `error` set.
    QString makeTicket(const QJsonObject& spec, const QHash<QString, QString>& extra, QString* error);
    /// The ticket as the server holds it (read as the admin); empty when there is none.
    QJsonObject serverTicket(const QString& id);
    /// One sync cycle of the role's workstation: started, in step with the server, stopped again.
    bool sync(const QString& role);
    /// The workstation's queued changes the server refused: "name: last_error" each.
    QStringList refused(const QString& role);

private:
    bool extendTeam(QString* error);
    QString post(const QString& path, const QJsonObject& body, QString* error);

    QString m_backend;
    SeededServer m_fixture;
    std::map<QString, std::unique_ptr<Desk>> m_desks;
    std::map<QString, std::unique_ptr<HttpClient>> m_rest;
    std::map<QString, std::unique_ptr<SyncDevice>> m_devices;
    QHash<QString, QString> m_ids;
};

} // namespace gongdan::test
