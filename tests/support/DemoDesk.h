#pragma once

#include "bench/DemoSeeder.h"
#include "sync/WorkstationCore.h"
#include "tests/support/TempStore.h"
#include "ui/common/Workstation.h"
#include "ui/main/LanguageSwitcher.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace gongdan::test {

/// What every GUI test of the workstation starts from: the interface in Chinese (the agents'
/// language), settings in a throwaway folder, and a store seeded with a demo team whose clock stands
/// at `end`. Header-only: only the GUI tests, which link the UI and the seeder, include it.
struct DemoDesk {
    static inline const QDateTime end {QDate(2026, 11, 20), QTime(18, 0), Qt::UTC};
    static inline const AgentSession agent {
        QStringLiteral("a-06"), QStringLiteral("杨帆"), Role::Agent, {QStringLiteral("g-aftersales")}};
    /// A supervisor of the demo team: sees every group's tickets (the demo store holds them all).
    static inline const AgentSession supervisor {
        QStringLiteral("a-01"), QStringLiteral("王晓明"), Role::Supervisor, {QStringLiteral("g-aftersales")}};

    QTemporaryDir settings;
    LanguageSwitcher languages;
    std::unique_ptr<TempStore> store;
    std::unique_ptr<WorkstationCore> m_core;

    /// The workstation over the store, made once (a window that outlives one test function's scope).
    WorkstationCore& core()
    {
        if (!m_core)
            m_core = std::make_unique<WorkstationCore>(store->db());
        return *m_core;
    }

    /// Sets everything up; false (with nothing seeded) when a step failed.
    bool prepare(const QString& organization, int tickets)
    {
        if (!languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)))
            return false;
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
        QCoreApplication::setOrganizationName(organization);
        store = std::make_unique<TempStore>(end);
        return store->ok() && demo::DemoSeeder(store->db(), {tickets, 5, end, 10000, 10}).run().ok();
    }

    /// Forgets the drafts and the list of open tabs an earlier test left in the store, so that the next
    /// window starts with the queue alone (a window reopens the tabs of the last one).
    bool forgetOpenWork() { return store->db().exec(QStringLiteral("DELETE FROM draft")).ok(); }
};

} // namespace gongdan::test
