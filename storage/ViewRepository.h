#pragma once

#include "domain/TicketView.h"
#include "storage/Database.h"
#include "storage/Outbox.h"

namespace gongdan {

/// Ticket views: the built-in ones and the team's custom views, shared or personal. Saving checks the
/// view against the field definitions and queues view.upsert / view.delete; the server's copies arrive
/// by sync (storage/RecordCache). Saving or deleting a view whose earlier change the server refused
/// replaces that refusal (edit and resend, or discard).
class ViewRepository {
    Q_DECLARE_TR_FUNCTIONS(ViewRepository)

public:
    explicit ViewRepository(Database& db);

    /// What `agentId` may see: built-in views, shared views and their own, in display order. Disabled
    /// views are included only when `includeDisabled` (for the view editor).
    QList<TicketView> visibleTo(const QString& agentId, bool includeDisabled = false);
    Result<TicketView> save(TicketView view, const QList<FieldDefinition>& definitions);
    Status remove(const QString& viewId);

    /// Sync's writes, no outbox: the visible row of a view as given, a view gone, a queued intent re-applied.
    Status write(const TicketView& view);
    Status erase(const QString& viewId);
    Status replay(const OutboxEntry& entry);
    /// The server's reason for refusing the latest change of the view, in the agent's words; empty if none.
    QString refusal(const QString& viewId);

private:
    Status dropRefusals(const QString& viewId);

    Database& m_db;
    Outbox m_outbox;
};

} // namespace gongdan
