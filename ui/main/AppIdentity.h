#pragma once

#include <QIcon>
#include <QList>
#include <QString>

class QApplication;

namespace gongdan {

/// The workstation's identity on the desktop, one place for the executable and its tests: names, the
/// desktop entry and the icon of resources/ (see resources/CMakeLists.txt).

/// The reverse-DNS id: the desktop entry's and metainfo's file names, the icon's name in the icon theme.
QString appId();

/// The sizes of the icon's PNGs, in pixels (16 … 256).
QList<int> appIconSizes();

/// The icon compiled into the application (resources/gongdan.qrc), every size.
QIcon bundledAppIcon();

/// The icon theme's icon of that name when the desktop has one (an installed Gongdan), else the bundled one.
QIcon appIcon();

/// The application's and organization's names (QSettings and QStandardPaths use them). Needs no
/// application object: the workstation calls it before its QApplication too, for --help and --version.
void nameApplication();

/// Everything above for a running workstation: the names, the desktop entry (window managers and
/// Wayland compositors match the window to it) and the window icon every window and dialog shows.
void applyAppIdentity(QApplication& app);

} // namespace gongdan
