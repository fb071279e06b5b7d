#pragma once

// The GUI tests' settings: QSettings in INI files under a throwaway folder, under an organization of the test's own,
// and QStandardPaths in test mode, so that nothing a test remembers reaches the user's real settings or another test.
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace gongdan::test {

inline void useThrowawaySettings(const QString& folder, const QString& organization)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(organization);
}

} // namespace gongdan::test
