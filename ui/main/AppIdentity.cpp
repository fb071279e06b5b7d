#include "ui/main/AppIdentity.h"

#include <QApplication>

// Q_INIT_RESOURCE declares a function of the global namespace, so it is called from one here. It registers
// resources/gongdan.qrc, which is compiled into this static library and referenced by nothing else.
static void registerIdentityResources()
{
    Q_INIT_RESOURCE(gongdan);
}

namespace gongdan {

QString appId()
{
    return QStringLiteral("io.gongdan.Gongdan");
}

QList<int> appIconSizes()
{
    return {16, 24, 32, 48, 64, 128, 256};
}

QIcon bundledAppIcon()
{
    static const bool registered = (registerIdentityResources(), true);
    Q_UNUSED(registered)
    QIcon icon;
    for (const int size : appIconSizes())
        icon.addFile(QStringLiteral(":/icons/app/%1.png").arg(size), QSize(size, size));
    return icon;
}

QIcon appIcon()
{
    return QIcon::fromTheme(appId(), bundledAppIcon());
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("gongdan"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gongdan"));
}

void applyAppIdentity(QApplication& app)
{
    nameApplication();
    QGuiApplication::setDesktopFileName(appId());
    app.setWindowIcon(appIcon());
}

} // namespace gongdan
