#pragma once

#include "sync/WorkstationCore.h"
#include "tests/support/Desk.h"
#include "ui/settings/SettingsPage.h"

#include <QSqlQuery>
#include <QTableWidget>
#include <memory>

namespace gongdan::test {

/// One signed-in desk with the Settings page open on it.
struct SettingsDesk {
    SettingsDesk(const QString& url, const QString& login, const QString& password, const QString& name)
        : desk(url, login, password)
        , session {desk.userId, name, desk.me.role, desk.me.groupIds}
        , ws {*desk.db, desk.store->clock(), desk.store->changes(), session, *desk.tickets, desk.store->fields(),
              desk.store->customers(), desk.store->directory(), desk.store->drafts(), desk.store->attachments(),
              desk.store->transfer(), desk.store->unmasker()}
    {
        desk.start();
    }
    void open(const QString& tab)
    {
        page = std::make_unique<SettingsPage>(ws, QString());
        page->resize(1180, 760);
        page->showTab(tab);
        page->show();
    }
    template<typename T>
    T* find(const QString& name) const
    {
        T* widget = page->findChild<T*>(name);
        if (!widget)
            qWarning("no %s", qPrintable(name));
        return widget;
    }
    QString synced(const QString& kind, const QString& id)
    {
        QSqlQuery q(desk.db->sql());
        q.prepare(QStringLiteral("SELECT data FROM record_synced WHERE kind = ? AND id = ?"));
        q.addBindValue(kind);
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    Desk desk;
    AgentSession session;
    Workstation ws;
    std::unique_ptr<SettingsPage> page;
};

inline void setCell(QTableWidget* table, int row, int column, const QString& text)
{
    if (!table->item(row, column))
        table->setItem(row, column, new QTableWidgetItem);
    table->item(row, column)->setText(text);
}

} // namespace gongdan::test
