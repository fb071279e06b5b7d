#include "sync/WorkstationCore.h"
#include "tests/support/TempStore.h"
#include "ui/main/AppIdentity.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using namespace gongdan;
using namespace gongdan::test;

/// resources/ as the workstation uses it: the icon compiled in at every size, the names and desktop entry
/// it gives itself (the same function as gongdan's main), and the icon on its windows and dialogs.
class TestAppIdentity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theBundledIconHasEverySize_data();
    void theBundledIconHasEverySize();
    void theIconIsATicketWithItsCharacter();
    void namesTheApplicationAndItsDesktopEntry();
    void theFilesOfResourcesCarryTheSameId();
    void everyWindowAndDialogShowsTheIcon();

private:
    static QString resourceText(const QString& name);

    QTemporaryDir m_settings;
};

void TestAppIdentity::initTestCase()
{
    applyAppIdentity(*qApp);
    // The main window remembers its layout: in a throwaway folder, never the tester's own settings.
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestAppIdentity::theBundledIconHasEverySize_data()
{
    QTest::addColumn<int>("size");
    for (const int size : appIconSizes())
        QTest::addRow("%d px", size) << size;
}

void TestAppIdentity::theBundledIconHasEverySize()
{
    QFETCH(int, size);
    const QString path = QStringLiteral(":/icons/app/%1.png").arg(size);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(size, size));
    QVERIFY(image.hasAlphaChannel());

    const QIcon icon = bundledAppIcon();
    QVERIFY(!icon.isNull());
    QVERIFY(icon.availableSizes().contains(QSize(size, size)));
    const QPixmap pixmap = icon.pixmap(QSize(size, size));
    QCOMPARE(pixmap.size(), QSize(size, size));
    // The size drawn for it, not a neighbour scaled: the same pixels as its PNG.
    QCOMPARE(pixmap.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied),
        image.convertToFormat(QImage::Format_ARGB32_Premultiplied));
}

void TestAppIdentity::theIconIsATicketWithItsCharacter()
{
    // Transparent corners and notches around a blue ticket, 工's white stem in the middle: at 16 px too.
    for (const int size : {16, 256}) {
        const QImage image
            = QImage(QStringLiteral(":/icons/app/%1.png").arg(size)).convertToFormat(QImage::Format_ARGB32);
        const auto at = [&](double x, double y) { return image.pixelColor(int(x * size), int(y * size)); };
        QCOMPARE(at(0, 0).alpha(), 0);
        QCOMPARE(at(0.01, 0.5).alpha(), 0);
        QCOMPARE(at(0.5, 0.5), QColor(Qt::white));
        const QColor face = at(0.2, 0.5);
        QCOMPARE(face.alpha(), 255);
        QVERIFY2(face.blue() > face.red() + 80 && face.blue() > face.green() + 40, qPrintable(face.name()));
    }
}

void TestAppIdentity::namesTheApplicationAndItsDesktopEntry()
{
    QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("gongdan"));
    QCOMPARE(QCoreApplication::organizationName(), QStringLiteral("Gongdan"));
    QCOMPARE(appId(), QStringLiteral("io.gongdan.Gongdan"));
    QCOMPARE(QGuiApplication::desktopFileName(), appId());
    QVERIFY(!QApplication::windowIcon().isNull());
    QVERIFY(QApplication::windowIcon().availableSizes().contains(QSize(16, 16)));
}

QString TestAppIdentity::resourceText(const QString& name)
{
    QFile file(QStringLiteral(GONGDAN_RESOURCES_DIR "/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestAppIdentity::theFilesOfResourcesCarryTheSameId()
{
    // What the desktop matches: the desktop entry's file name and icon, the metainfo's id and launchable.
    const QString entry = resourceText(appId() + QStringLiteral(".desktop"));
    QVERIFY(!entry.isEmpty());
    QVERIFY(entry.contains(QStringLiteral("\nIcon=") + appId() + QLatin1Char('\n')));
    QVERIFY(entry.contains(QStringLiteral("\nExec=gongdan\n")));
    QVERIFY(entry.contains(QStringLiteral("\nName[zh_CN]=工单\n")));
    const QString metainfo = resourceText(appId() + QStringLiteral(".metainfo.xml"));
    QVERIFY(metainfo.contains(QStringLiteral("<id>") + appId() + QStringLiteral("</id>")));
    QVERIFY(metainfo.contains(
        QStringLiteral("<launchable type=\"desktop-id\">") + appId() + QStringLiteral(".desktop</launchable>")));
    QVERIFY(QFile::exists(QStringLiteral(GONGDAN_RESOURCES_DIR "/icons/") + appId() + QStringLiteral(".svg")));
    for (const int size : appIconSizes())
        QVERIFY(QFile::exists(QStringLiteral(GONGDAN_RESOURCES_DIR "/icons/hicolor/%1x%1/apps/").arg(size) + appId()
            + QStringLiteral(".png")));
}

void TestAppIdentity::everyWindowAndDialogShowsTheIcon()
{
    TempStore store;
    QVERIFY2(store.ok(), qPrintable(store.openError()));
    LanguageSwitcher languages;
    WorkstationCore core(store.db());
    MainWindow window(
        core, AgentSession {QStringLiteral("local"), QStringLiteral("Local agent"), Role::Agent, {}}, languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.windowIcon().isNull());
    QCOMPARE(window.windowIcon().cacheKey(), QApplication::windowIcon().cacheKey());
    QCOMPARE(window.windowHandle()->icon().cacheKey(), QApplication::windowIcon().cacheKey());

    QMessageBox box(&window); // as every message of the workstation
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    QVERIFY(!box.windowIcon().isNull());
    QCOMPARE(box.windowIcon().cacheKey(), QApplication::windowIcon().cacheKey());
}

QTEST_MAIN(TestAppIdentity)
#include "tst_appidentity.moc"
