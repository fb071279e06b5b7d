#include "server/AdminCommand.h"

#include "server/AuthService.h"
#include "teamdb/AuditLog.h"
#include "teamdb/ServerDatabase.h"
#include "teamdb/SyncStore.h"

#include <QCommandLineParser>

namespace gongdan {

namespace {

const char* const kUsage = R"(Usage: gongdan-server admin [--database LOCATION] COMMAND …
  add-group ID NAME_ZH [NAME_EN]
  add-user LOGIN --name NAME --role agent|supervisor|admin|field [--groups G1,G2] [--skills S1,S2]
                                        (the password is read from standard input)
  set-password LOGIN                    (the new password is read from standard input; ends all sign-ins)
  set-role LOGIN ROLE
  set-groups LOGIN G1,G2
  deactivate LOGIN | activate LOGIN     (deactivating ends all sign-ins)
  revoke-sessions LOGIN
  list-users | list-groups
)";

QStringList listOption(const QCommandLineParser& parser, const QString& name)
{
    return parser.value(name).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

int refused(QTextStream& err, const Error& error)
{
    err << "error: " << error.message << " (" << error.code
        << (error.field.isEmpty() ? QString() : QStringLiteral(", field ") + error.field) << ")\n";
    return 1;
}

/// What the commands work with, built over one opened database.
struct Accounts {
    explicit Accounts(ServerDatabase& database)
        : audit(database, clock)
        , sync(database, clock)
        , users(database, clock)
        , sessions(database)
        , auth(users, sessions, hasher, clock)
    {
        users.setChangeLogger([this](const QString& entity, const QString& id, const QJsonObject& data,
                                  const QString& actorId) { return sync.logTeamChange(entity, id, data, actorId); });
        // The tool's changes are audited like an admin's over REST, as the admin tool run by this OS user.
        audit.setActor({QString(), QStringLiteral("admin-tool"), QStringLiteral("cli"),
            qEnvironmentVariable("USER", QStringLiteral("unknown")).left(100)});
        users.setAuditLog(&audit);
        auth.setAuditLog(&audit);
    }
    SystemClock clock;
    AuditLog audit;
    PasswordHasher hasher;
    SyncStore sync;
    UserRepository users;
    SessionStore sessions;
    AuthService auth;
};

QString readPassword(QTextStream& in)
{
    QString line = in.readLine();
    while (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

int userCommand(Accounts& accounts, const QString& command, const QStringList& args, const QCommandLineParser& parser,
    QTextStream& in, QTextStream& out, QTextStream& err)
{
    const std::optional<UserRecord> user = accounts.users.findByLogin(args.value(1));
    if (!user)
        return refused(err,
            Error {QStringLiteral("user.not_found"), QStringLiteral("There is no user \"%1\".").arg(args.value(1)),
                QStringLiteral("login")});
    Result<UserRecord> done = *user;
    UserChange change;
    if (command == QLatin1String("set-password")) {
        done = accounts.auth.setPassword(user->id, readPassword(in));
    } else if (command == QLatin1String("set-role")) {
        const std::optional<Role> role = roleFromName(args.value(2));
        if (!role)
            return refused(err,
                Error {QStringLiteral("user.role_unknown"), QStringLiteral("\"%1\" is not a role.").arg(args.value(2)),
                    QStringLiteral("role")});
        change.role = role;
        done = accounts.auth.update(user->id, change);
    } else if (command == QLatin1String("set-groups")) {
        change.groupIds = args.value(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
        done = accounts.auth.update(user->id, change);
    } else if (command == QLatin1String("deactivate") || command == QLatin1String("activate")) {
        change.active = command == QLatin1String("activate");
        done = accounts.auth.update(user->id, change);
    } else if (command == QLatin1String("revoke-sessions")) {
        ServerTransaction transaction(accounts.audit.database());
        auto revoked = accounts.sessions.revokeAllOf(user->id, accounts.clock.nowMs());
        if (!revoked)
            return refused(err, revoked.error());
        if (Status audited = accounts.audit.append(QStringLiteral("sign_out"), QStringLiteral("user"), user->id,
                {{QStringLiteral("login"), user->login}, {QStringLiteral("all"), true},
                    {QStringLiteral("ended"), revoked.value()}});
            !audited)
            return refused(err, audited.error());
        if (Status committed = transaction.commit(); !committed)
            return refused(err, committed.error());
        out << "ended " << revoked.value() << " sign-ins of " << user->login << "\n";
        return 0;
    } else {
        Q_UNUSED(parser);
        err << kUsage;
        return 2;
    }
    if (!done)
        return refused(err, done.error());
    out << command << ": " << done.value().login << " (" << roleName(done.value().role)
        << (done.value().active ? "" : ", inactive") << ")\n";
    return 0;
}

} // namespace

int runAdminCommand(const QStringList& arguments, QTextStream& in, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("database"), QStringLiteral("Team database."), QStringLiteral("LOCATION"),
        QStringLiteral("gongdan-team.sqlite")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Full name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("role"), QStringLiteral("Role."), QStringLiteral("ROLE")});
    parser.addOption({QStringLiteral("groups"), QStringLiteral("Groups, comma-separated."), QStringLiteral("IDS")});
    parser.addOption({QStringLiteral("skills"), QStringLiteral("Skills, comma-separated."), QStringLiteral("SKILLS")});
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n" << kUsage;
        return 2;
    }
    const QStringList args = parser.positionalArguments().mid(1); // after "admin"
    const QString command = args.value(0);
    static const QHash<QString, int> kArity {{QStringLiteral("add-group"), 3}, {QStringLiteral("add-user"), 2},
        {QStringLiteral("set-password"), 2}, {QStringLiteral("set-role"), 3}, {QStringLiteral("set-groups"), 3},
        {QStringLiteral("deactivate"), 2}, {QStringLiteral("activate"), 2}, {QStringLiteral("revoke-sessions"), 2},
        {QStringLiteral("list-users"), 1}, {QStringLiteral("list-groups"), 1}};
    if (!kArity.contains(command) || args.size() < kArity.value(command)
        || args.size() > kArity.value(command) + (command == QLatin1String("add-group") ? 1 : 0)) {
        err << kUsage;
        return 2;
    }
    auto database = ServerDatabase::open(parser.value(QStringLiteral("database")));
    if (!database)
        return refused(err, database.error());
    Accounts accounts(*database.value());

    if (command == QLatin1String("add-group")) {
        auto group = accounts.users.createGroup({args.value(1), args.value(2), args.value(3), true});
        if (!group)
            return refused(err, group.error());
        out << "added group " << group.value().id << "\n";
        return 0;
    }
    if (command == QLatin1String("add-user")) {
        const std::optional<Role> role = roleFromName(parser.value(QStringLiteral("role")));
        if (!role || !parser.isSet(QStringLiteral("name"))) {
            err << "add-user needs --name and --role (" << roleNames().join(QStringLiteral(", ")) << ")\n";
            return 2;
        }
        auto hashed = accounts.hasher.hash(readPassword(in));
        if (!hashed)
            return refused(err, hashed.error());
        UserRecord user;
        user.login = args.value(1);
        user.name = parser.value(QStringLiteral("name"));
        user.role = *role;
        user.groupIds = listOption(parser, QStringLiteral("groups"));
        user.skills = listOption(parser, QStringLiteral("skills"));
        user.passwordHash = hashed.value();
        auto created = accounts.users.create(user);
        if (!created)
            return refused(err, created.error());
        out << "added user " << created.value().login << " (" << roleName(created.value().role) << ")\n";
        return 0;
    }
    if (command == QLatin1String("list-users")) {
        for (const UserRecord& user : accounts.users.list())
            out << user.login << "\t" << user.name << "\t" << roleName(user.role) << "\t"
                << user.groupIds.join(QLatin1Char(',')) << "\t" << (user.active ? "active" : "inactive") << "\n";
        return 0;
    }
    if (command == QLatin1String("list-groups")) {
        for (const GroupRecord& group : accounts.users.groups())
            out << group.id << "\t" << group.nameZh << "\t" << group.nameEn << "\n";
        return 0;
    }
    return userCommand(accounts, command, args, parser, in, out, err);
}

} // namespace gongdan
