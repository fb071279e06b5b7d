// gongdan: the agent workstation.
#include "storage/CacheRecovery.h"
#include "storage/Database.h"
#include "storage/LocalTicketWorld.h"
#include "sync/WorkstationCore.h"
#include "ui/main/AppIdentity.h"
#include "ui/main/FirstPaintProbe.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"
#include "ui/sync/SyncController.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLockFile>
#include <QMessageBox>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

using namespace gongdan;

namespace {

void nameTheApplication()
{
    nameApplication();
    QCoreApplication::setApplicationVersion(QStringLiteral(GONGDAN_VERSION));
}

/// Every option of the workstation, in one place for both parsers.
void describeOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral("Gongdan help-desk workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("store"), QStringLiteral("Local store file."), QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("lang"), QStringLiteral("Interface language: zh_CN or en."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("search"), QStringLiteral("Start with this search."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("agent"), QStringLiteral("Work as this agent (login)."), QStringLiteral("LOGIN")});
    parser.addOption({QStringLiteral("view"), QStringLiteral("Open this view (id)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("open"), QStringLiteral("Open this ticket (number)."), QStringLiteral("NUMBER")});
    parser.addOption(
        {QStringLiteral("call"), QStringLiteral("Start logging a call from this number (as the telephony link will)."),
            QStringLiteral("PHONE")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Open the customer archive with this search."),
        QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("settings"),
        QStringLiteral("Open settings at this tab: general, fields or categories."), QStringLiteral("TAB")});
    parser.addOption({QStringLiteral("dashboard"),
        QStringLiteral("Open the supervisor dashboard (supervisors and admins; after sign-in when needed).")});
    parser.addOption({QStringLiteral("server"),
        QStringLiteral("Team server to sign in to (asked at start unless already signed in there)."),
        QStringLiteral("URL")});
    parser.addOption({QStringLiteral("report-first-paint"),
        QStringLiteral("Print the resident memory once the queue is first painted, then quit (gongdan-bench).")});
}

/// --help and --version answer without a display: they are parsed before a QApplication exists (which
/// needs one). Returns only when neither was asked for.
void answerHelpOrVersion(int argc, char** argv)
{
    static const QList<QByteArrayView> asking {"-h", "-?", "--help", "-help", "--help-all", "-v", "--version"};
    bool asked = false;
    for (int i = 1; i < argc && !asked; ++i)
        asked = asking.contains(QByteArrayView(argv[i]));
    if (!asked)
        return;
    QCoreApplication core(argc, argv);
    nameTheApplication();
    QCommandLineParser parser;
    describeOptions(parser);
    // Options of QApplication's (-platform, -style …) are unknown here: not an error yet.
    parser.parse(QCoreApplication::arguments());
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    // "--help" was the value of another option: the real parse follows, with the application.
}

} // namespace

int main(int argc, char** argv)
{
    answerHelpOrVersion(argc, argv);
    QApplication app(argc, argv);
    nameTheApplication();
    applyAppIdentity(app); // the desktop entry, and the icon of every window and dialog from here on

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    // Language: --lang, else the one chosen last time, else the system's.
    LanguageSwitcher languages;
    const QString chosen = parser.isSet(QStringLiteral("lang"))
        ? parser.value(QStringLiteral("lang"))
        : QSettings().value(QStringLiteral("language")).toString();
    languages.switchTo(chosen.isEmpty() ? QLocale::system() : QLocale(chosen));

    QString store = parser.value(QStringLiteral("store"));
    if (store.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        store = dir + QStringLiteral("/local-store.sqlite");
    }
    // One workstation per store: two writing one store would each take the other's work for their own.
    QLockFile lock(store + QStringLiteral(".lock"));
    if (!lock.tryLock(200)) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Already open"),
            QApplication::translate(
                "main", "This local store is open in another Gongdan window. Use that window, or close it first.")
                + QStringLiteral("\n\n") + QDir::toNativeSeparators(store));
        return 1;
    }
    SystemClock clock;
    auto db = Database::open(store, clock);
    if (!db && db.error().code == QLatin1String("storage.corrupt")) {
        const auto answer = QMessageBox::question(nullptr, QApplication::translate("main", "Local store damaged"),
            db.error().message + QStringLiteral("\n\n") + QApplication::translate("main", "Rebuild it now?"));
        if (answer != QMessageBox::Yes)
            return 1;
        auto report = CacheRecovery::rebuild(store, clock);
        if (!report) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "Rebuild failed"), report.error().message);
            return 1;
        }
        db = Database::open(store, clock);
    }
    if (!db) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Cannot open the local store"), db.error().message);
        return 1;
    }
    // The user signed in to the team server last time; without one, an agent of the local store chosen by
    // login (default: the first agent), as on a workstation that has never synced.
    AgentSession session {QStringLiteral("local"), QApplication::translate("main", "Local agent"), Role::Agent, {}};
    // --server: a different server than last time means a new sign-in (and not the old user).
    bool askToSignIn = false;
    if (parser.isSet(QStringLiteral("server"))) {
        QSettings settings;
        const auto same = [](const QString& a, const QString& b) { // "host:8734/" is "host:8734"
            return QUrl(a).adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
                == QUrl(b).adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
        };
        if (!same(settings.value(QStringLiteral("sync/server")).toString(), parser.value(QStringLiteral("server")))) {
            settings.remove(QStringLiteral("sync"));
            settings.setValue(QStringLiteral("sync/server"), parser.value(QStringLiteral("server")));
        }
        askToSignIn = !settings.contains(QStringLiteral("sync/userId"));
    }
    const QSettings remembered;
    const bool signedInBefore
        = remembered.contains(QStringLiteral("sync/userId")) && !parser.isSet(QStringLiteral("agent"));
    if (signedInBefore) {
        session = {remembered.value(QStringLiteral("sync/userId")).toString(),
            remembered.value(QStringLiteral("sync/name")).toString(),
            roleFromName(remembered.value(QStringLiteral("sync/role")).toString()).value_or(Role::Agent),
            remembered.value(QStringLiteral("sync/groups")).toStringList()};
        db.value()->setSignedInUser(session.agentId); // the changes queued here are theirs
    }
    if (!signedInBefore) {
        QSqlQuery agent(db.value()->sql());
        agent.prepare(QStringLiteral(
            "SELECT id, name, role FROM agent WHERE login = ? OR ? = '' ORDER BY role = 'agent' DESC, login LIMIT 1"));
        agent.addBindValue(parser.value(QStringLiteral("agent")));
        agent.addBindValue(parser.value(QStringLiteral("agent")));
        if (agent.exec() && agent.next()) {
            const Principal who = LocalTicketWorld::principalOf(*db.value(), agent.value(0).toString());
            session = {who.userId, agent.value(1).toString(), who.role, who.groupIds};
        } else if (parser.isSet(QStringLiteral("agent")))
            qWarning("No agent with that login in this store; working as the local agent.");
    }

    WorkstationCore core(*db.value());
    MainWindow window(core, session, languages);
    if (parser.isSet(QStringLiteral("view")))
        window.openView(parser.value(QStringLiteral("view")));
    if (parser.isSet(QStringLiteral("search")))
        window.search(parser.value(QStringLiteral("search")));
    if (parser.isSet(QStringLiteral("report-first-paint"))) {
        auto* table = window.findChild<QAbstractItemView*>(QStringLiteral("queueTable"));
        new FirstPaintProbe(
            table->viewport(), [table] { return table->model()->rowCount() > 0; }, &window);
    }
    window.show();
    if (parser.isSet(QStringLiteral("open")) && !window.openTicketNumber(parser.value(QStringLiteral("open"))))
        qWarning("No ticket with that number in this store.");
    if (parser.isSet(QStringLiteral("customers")))
        window.openCustomers(parser.value(QStringLiteral("customers")));
    if (parser.isSet(QStringLiteral("settings")))
        window.openSettings(parser.value(QStringLiteral("settings")));
    if (parser.isSet(QStringLiteral("call")))
        window.startCall(parser.value(QStringLiteral("call")));
    if (parser.isSet(QStringLiteral("dashboard")) && !window.openDashboard()) // a supervisor once signed in
        QObject::connect(
            &window.syncController(), &SyncController::signedIn, &window, [&window] { window.openDashboard(); },
            Qt::SingleShotConnection);
    if (askToSignIn)
        window.showSignIn();
    return app.exec();
}
