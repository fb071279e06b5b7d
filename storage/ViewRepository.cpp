#include "storage/ViewRepository.h"

#include "domain/Intents.h"
#include "domain/RefusalText.h"
#include "storage/NeedsAttention.h"

#include <QJsonDocument>
#include <algorithm>

namespace gongdan {

ViewRepository::ViewRepository(Database& db) : m_db(db), m_outbox(db) { }

QList<TicketView> ViewRepository::visibleTo(const QString& agentId, bool includeDisabled)
{
    QList<TicketView> views = TicketView::builtIns();
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT definition FROM ticket_view WHERE owner_id IS NULL OR owner_id = ?"));
    query.addBindValue(agentId);
    if (query.exec()) {
        while (query.next()) {
            auto view = TicketView::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
            if (view && (view.value().enabled || includeDisabled))
                views.append(view.value());
        }
    }
    std::stable_sort(views.begin(), views.end(), [](const TicketView& a, const TicketView& b) {
        return a.builtIn != b.builtIn ? a.builtIn : a.order < b.order;
    });
    return views;
}

Result<TicketView> ViewRepository::save(TicketView view, const QList<FieldDefinition>& definitions)
{
    if (view.builtIn)
        return Error {QStringLiteral("view.built_in"), tr("Built-in views cannot be changed; copy one instead."),
            QStringLiteral("id")};
    if (Status status = ViewFields::check(view, definitions); !status)
        return status.error();
    if (view.id.isEmpty())
        view.id = m_db.ids().next();
    SqlTransaction transaction(m_db);
    if (Status written = write(view); !written)
        return written.error();
    if (Status dropped = dropRefusals(view.id); !dropped)
        return dropped.error();
    if (auto queued = m_outbox.append(
            QStringLiteral("view.upsert"), view.id, QJsonObject {{QStringLiteral("view"), view.toJson()}});
        !queued)
        return queued.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return view;
}

Status ViewRepository::remove(const QString& viewId)
{
    SqlTransaction transaction(m_db);
    QSqlQuery& del = m_db.prepared(QStringLiteral("DELETE FROM ticket_view WHERE id = ?"));
    del.addBindValue(viewId);
    const bool ok = del.exec();
    const int removed = del.numRowsAffected();
    del.finish();
    if (!ok)
        return Database::errorOf(del);
    if (removed == 0)
        return Error {QStringLiteral("view.not_found"), tr("The view no longer exists."), QStringLiteral("id")};
    if (Status dropped = dropRefusals(viewId); !dropped)
        return dropped;
    if (auto queued = m_outbox.append(QStringLiteral("view.delete"), viewId, {}); !queued)
        return queued.error();
    return transaction.commit();
}

Status ViewRepository::write(const TicketView& view)
{
    QSqlQuery& upsert = m_db.prepared(QStringLiteral(
        "INSERT INTO ticket_view(id, owner_id, definition, sort_order, enabled) VALUES (?,?,?,?,?) ON CONFLICT(id) DO "
        "UPDATE SET owner_id = excluded.owner_id, definition = excluded.definition, sort_order = excluded.sort_order, "
        "enabled = excluded.enabled, version = version + 1"));
    upsert.addBindValue(view.id);
    upsert.addBindValue(view.ownerId.isEmpty() ? QVariant() : QVariant(view.ownerId));
    upsert.addBindValue(QString::fromUtf8(QJsonDocument(view.toJson()).toJson(QJsonDocument::Compact)));
    upsert.addBindValue(view.order);
    upsert.addBindValue(view.enabled ? 1 : 0);
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status() : Status(Database::errorOf(upsert));
}

Status ViewRepository::erase(const QString& viewId)
{
    QSqlQuery& del = m_db.prepared(QStringLiteral("DELETE FROM ticket_view WHERE id = ?"));
    del.addBindValue(viewId);
    const bool ok = del.exec();
    del.finish();
    return ok ? Status() : Status(Database::errorOf(del));
}

Status ViewRepository::replay(const OutboxEntry& entry)
{
    if (entry.name == intent::ViewDelete)
        return erase(entry.entityId);
    if (entry.name != intent::ViewUpsert)
        return {};
    auto view = TicketView::fromJson(entry.args.value(QStringLiteral("view")).toObject());
    return view ? write(view.value()) : Status(view.error());
}

Status ViewRepository::dropRefusals(const QString& viewId)
{
    QSqlQuery& drop = m_db.prepared(QStringLiteral(
        "DELETE FROM outbox WHERE entity_id = ? AND state = 'rejected' AND name IN ('view.upsert', 'view.delete')"));
    drop.addBindValue(viewId);
    const bool ok = drop.exec();
    drop.finish();
    return ok ? Status() : Status(Database::errorOf(drop));
}

QString ViewRepository::refusal(const QString& viewId)
{
    const QList<RefusedChange> refused = NeedsAttention(m_db).refused(viewId);
    if (refused.isEmpty())
        return {};
    const RefusedChange& last = refused.last();
    return RefusalText::describe(last.code, last.field, last.message);
}

} // namespace gongdan
