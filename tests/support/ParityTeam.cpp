#include "tests/support/ParityTeam.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace gongdan::test {

namespace {

struct Login {
    const char* role;
    const char* login;
    const char* password;
};

constexpr Login kLogins[] {{"agent", "li.na", "agent-password"}, {"supervisor", "zhao", "zhao-password"},
    {"admin", "boss", "boss-password"}, {"field", "wang", "field-password"}};

QString freshId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString describe(const HttpResult& result)
{
    return QStringLiteral("%1 %2").arg(result.status).arg(QString::fromUtf8(result.raw));
}

qint64 countOf(Database& db, const QString& table)
{
    QSqlQuery query(db.sql());
    return query.exec(QStringLiteral("SELECT count(*) FROM ") + table) && query.next() ? query.value(0).toLongLong()
                                                                                       : -1;
}

} // namespace

const QStringList& ParityTeam::roles()
{
    static const QStringList names {
        QStringLiteral("agent"), QStringLiteral("supervisor"), QStringLiteral("admin"), QStringLiteral("field")};
    return names;
}

ParityTeam::ParityTeam(const QString& backend) : m_backend(backend), m_fixture(backend) { }

ParityTeam::~ParityTeam()
{
    // The workstations stop before the server they talk to.
    for (auto& [role, desk] : m_desks)
        desk->engine->stop();
    m_desks.clear();
}

QString ParityTeam::post(const QString& path, const QJsonObject& body, QString* error)
{
    const HttpResult created = rest(QStringLiteral("admin")).post(path, body);
    if (created.status != 201) {
        *error = path + QLatin1Char(' ') + describe(created);
        return {};
    }
    return created.body.value(QStringLiteral("id")).toString();
}

bool ParityTeam::extendTeam(QString* error)
{
    HttpClient& admin = rest(QStringLiteral("admin"));
    if (post(QStringLiteral("/api/v1/groups"),
            {{QStringLiteral("id"), QStringLiteral("billing")}, {QStringLiteral("name_zh"), QStringLiteral("账务组")}},
            error)
            .isEmpty())
        return false;
    const auto user = [&](const char* login, const char* name, const char* role, const QStringList& groups) {
        return post(QStringLiteral("/api/v1/users"),
            {{QStringLiteral("login"), QLatin1String(login)}, {QStringLiteral("name"), QString::fromUtf8(name)},
                {QStringLiteral("role"), QLatin1String(role)},
                {QStringLiteral("password"), QString(QLatin1String(login) + QStringLiteral("-password"))},
                {QStringLiteral("groups"), QJsonArray::fromStringList(groups)}},
            error);
    };
    if (user("zhao", "赵主管", "supervisor", {QStringLiteral("service"), QStringLiteral("billing")}).isEmpty())
        return false;
    m_ids.insert(QStringLiteral("@qian"), user("qian", "钱会计", "agent", {QStringLiteral("billing")}));
    m_ids.insert(QStringLiteral("@gone"), user("gone", "离职的", "agent", {QStringLiteral("service")}));
    if (!error->isEmpty())
        return false;
    const HttpResult off = admin.patch(
        QStringLiteral("/api/v1/users/") + m_ids.value(QStringLiteral("@gone")), {{QStringLiteral("active"), false}});
    if (off.status != 200) {
        *error = QStringLiteral("switching gone off: ") + describe(off);
        return false;
    }
    for (const QJsonValue& listed :
        admin.get(QStringLiteral("/api/v1/users")).body.value(QStringLiteral("users")).toArray()) {
        if (listed[QStringLiteral("login")].toString() == QLatin1String("zhang"))
            m_ids.insert(QStringLiteral("@zhang"), listed[QStringLiteral("id")].toString());
    }
    m_ids.insert(QStringLiteral("@c1"),
        post(QStringLiteral("/api/v1/customers"), {{QStringLiteral("name"), QStringLiteral("王芳")}}, error));
    const auto category = [&](const char* symbol, const char* name, const char* parent, const char* group,
                              bool active = true) {
        QJsonObject body {{QStringLiteral("name_zh"), QString::fromUtf8(name)}, {QStringLiteral("active"), active}};
        if (*parent)
            body.insert(QStringLiteral("parent_id"), m_ids.value(QLatin1String(parent)));
        if (*group)
            body.insert(QStringLiteral("group_id"), QLatin1String(group));
        m_ids.insert(QLatin1String(symbol), post(QStringLiteral("/api/v1/categories"), body, error));
    };
    category("@after-sales", "售后", "", "");
    category("@repair", "产品维修", "@after-sales", "billing");
    category("@consult", "咨询", "", "service");
    category("@usage", "功能使用", "@consult", "");
    category("@retired", "停用的分类", "", "", false);
    if (!error->isEmpty())
        return false;
    const auto option = [](const char* value) {
        return QJsonObject {{QStringLiteral("value"), QLatin1String(value)},
            {QStringLiteral("label_zh"), QLatin1String(value)}, {QStringLiteral("label_en"), QLatin1String(value)}};
    };
    const auto definition = [&](const char* key, const char* type, int order, QJsonObject more) {
        more.insert(QStringLiteral("key"), QLatin1String(key));
        more.insert(QStringLiteral("type"), QLatin1String(type));
        more.insert(QStringLiteral("label_zh"), QLatin1String(key));
        more.insert(QStringLiteral("label_en"), QLatin1String(key));
        more.insert(QStringLiteral("order"), order);
        post(QStringLiteral("/api/v1/field-definitions"), more, error);
    };
    definition("model", "select", 1, {{QStringLiteral("options"), QJsonArray {option("x1"), option("x2")}}});
    definition("refund", "decimal", 2,
        {{QStringLiteral("precision"), 2},
            {QStringLiteral("edit_roles"), QJsonArray {QStringLiteral("supervisor"), QStringLiteral("admin")}},
            {QStringLiteral("required_to_close"), true}});
    definition("serial", "text", 3,
        {{QStringLiteral("required"), true},
            {QStringLiteral("categories"), QJsonArray {m_ids.value(QStringLiteral("@repair"))}}});
    for (const char* unknown : {"@nobody", "@nocustomer", "@nocategory"})
        m_ids.insert(QLatin1String(unknown), freshId());
    return error->isEmpty();
}

bool ParityTeam::open(QString* error)
{
    if (!m_fixture.start()) {
        *error = m_fixture.server().lastLog();
        return false;
    }
    const QString url = m_fixture.baseUrl();
    const auto signIn = [&](const Login& who) {
        const QString role = QLatin1String(who.role);
        m_desks[role] = std::make_unique<Desk>(url, QLatin1String(who.login), QLatin1String(who.password));
        m_rest[role] = std::make_unique<HttpClient>(url);
        m_rest[role]->setToken(m_desks[role]->token);
        m_devices[role] = std::make_unique<SyncDevice>(url, m_desks[role]->token);
        m_ids.insert(QLatin1Char('@') + role, m_desks[role]->userId);
    };
    signIn(kLogins[2]); // the admin extends the team before the others sign in (their groups)
    if (!extendTeam(error))
        return false;
    for (const Login& who : kLogins) {
        if (QLatin1String(who.role) != QLatin1String("admin"))
            signIn(who);
    }
    for (const QString& role : roles()) {
        Desk& d = desk(role);
        if (d.token.isEmpty() || !sync(role)) {
            *error = QStringLiteral("the %1's workstation did not sync: %2").arg(role, d.engine->lastError());
            return false;
        }
        // Every workstation holds the team's records the rules look at.
        if (countOf(*d.db, QStringLiteral("field_definition")) != 3 || countOf(*d.db, QStringLiteral("category")) != 5
            || countOf(*d.db, QStringLiteral("customer")) != 1) {
            *error = QStringLiteral("the %1's workstation lacks definitions, categories or the customer").arg(role);
            return false;
        }
    }
    return true;
}

QJsonValue ParityTeam::resolved(const QJsonValue& value, const QHash<QString, QString>& extra) const
{
    if (value.isString() && value.toString().startsWith(QLatin1Char('@'))) {
        const QString symbol = value.toString();
        if (extra.contains(symbol))
            return extra.value(symbol);
        if (!m_ids.contains(symbol))
            qFatal("unknown symbol %s", qPrintable(symbol));
        return m_ids.value(symbol);
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(resolved(item, extra));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = resolved(it.value(), extra);
        return object;
    }
    return value;
}

QString ParityTeam::makeTicket(const QJsonObject& spec, const QHash<QString, QString>& extra, QString* error)
{
    QJsonObject body = resolved(spec, extra).toObject();
    const QString by = body.take(QStringLiteral("by")).toString(QStringLiteral("admin"));
    const QJsonArray steps = body.take(QStringLiteral("then")).toArray();
    if (!body.contains(QStringLiteral("subject")))
        body.insert(QStringLiteral("subject"), QStringLiteral("parity"));
    const HttpResult created = rest(by).post(QStringLiteral("/api/v1/tickets"), body);
    if (created.status != 201) {
        *error = QStringLiteral("creating the ticket: ") + describe(created);
        return {};
    }
    const QString id = created.body.value(QStringLiteral("ticket"))[QStringLiteral("id")].toString();
    for (const QJsonValue& value : steps) {
        QJsonObject step = value.toObject();
        const QString as = step.take(QStringLiteral("as")).toString(QStringLiteral("admin"));
        const HttpResult moved
            = rest(as).post(QStringLiteral("/api/v1/tickets/%1/transitions").arg(id), resolved(step, extra).toObject());
        if (moved.status != 200) {
            *error = QStringLiteral("%1 as %2: %3").arg(step[QStringLiteral("action")].toString(), as, describe(moved));
            return {};
        }
    }
    return id;
}

QJsonObject ParityTeam::serverTicket(const QString& id)
{
    const HttpResult found = rest(QStringLiteral("admin")).get(QStringLiteral("/api/v1/tickets/") + id);
    return found.status == 200 ? found.body.value(QStringLiteral("ticket")).toObject() : QJsonObject();
}

bool ParityTeam::sync(const QString& role)
{
    Desk& d = desk(role);
    d.start();
    const bool inStep = d.idle();
    d.engine->stop();
    return inStep;
}

QStringList ParityTeam::refused(const QString& role)
{
    QStringList list;
    QSqlQuery query(desk(role).db->sql());
    query.exec(QStringLiteral("SELECT name, last_error FROM outbox WHERE state = 'rejected' ORDER BY seq"));
    while (query.next())
        list.append(query.value(0).toString() + QStringLiteral(": ") + query.value(1).toString());
    return list;
}

} // namespace gongdan::test
