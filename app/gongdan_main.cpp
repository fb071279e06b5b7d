// gongdan: the agent workstation.
#include "CacheRecovery.h"
#include "Database.h"
#include "QueueWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTranslator>

using namespace gongdan;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gongdan"));
    QApplication::setOrganizationName(QStringLiteral("Gongdan"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("store"), QStringLiteral("Local store file."), QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("lang"), QStringLiteral("Interface language: zh_CN or en."), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("search"), QStringLiteral("Start with this search."), QStringLiteral("TEXT")});
    parser.process(app);

    const QLocale locale
        = parser.isSet(QStringLiteral("lang")) ? QLocale(parser.value(QStringLiteral("lang"))) : QLocale();
    QLocale::setDefault(locale);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("gongdan"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QTranslator qtTranslator;
    if (qtTranslator.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QString store = parser.value(QStringLiteral("store"));
    if (store.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        store = dir + QStringLiteral("/local-store.sqlite");
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
    QueueWindow window(*db.value());
    if (parser.isSet(QStringLiteral("search")))
        window.search(parser.value(QStringLiteral("search")));
    window.show();
    return app.exec();
}
