// A workstation without windows, for tests that kill one: opens a local store, syncs it with the server
// until it is in step, and exits 0 (3: signed out, 4: not in step within a minute). Faults through
// GONGDAN_FAILPOINTS (storage/Failpoints.h). Usage: tst_syncdesk_helper STORE SERVER_URL TOKEN
#include "sync/WorkstationCore.h"

#include <QCoreApplication>
#include <QTimer>

using namespace gongdan;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    SystemClock clock;
    auto store = WorkstationCore::open(
        args.at(1), clock, {WorkstationCore::Numbering::DeviceRefs, Failpoints::fromEnvironment()});
    if (!store)
        return 1;
    SyncEngine& engine = store.value()->engine();
    QObject::connect(&engine, &SyncEngine::synced, &app, [] { QCoreApplication::exit(0); });
    QObject::connect(&engine, &SyncEngine::signInRequired, &app, [] { QCoreApplication::exit(3); });
    QTimer::singleShot(60000, &app, [] { QCoreApplication::exit(4); });
    engine.start(QUrl(args.at(2)), args.at(3));
    return app.exec();
}
