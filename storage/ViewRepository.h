#pragma once

#include "domain/TicketView.h"
#include "storage/Database.h"
#include "storage/Outbox.h"

namespace gongdan {

/// Ticket views: the built-in ones and the team's custom views, shared or personal. Saving checks the
/// view against the field definitions and queues view.upsert / view.delete.
class ViewRepository {
    Q_DECLARE_TR_FUNCTIONS(ViewRepository)

public:
    explicit ViewRepository(Database& db);

    /// What `agentId` may see: built-in views, shared views and their own, in display order. Disabled
    /// views are included only when `includeDisabled` (for the view editor).
    QList<TicketView> visibleTo(const QString& agentId, bool includeDisabled = false);
    Result<TicketView> save(TicketView view, const QList<FieldDefinition>& definitions);
    Status remove(const QString& viewId);

private:
    Database& m_db;
    Outbox m_outbox;
};

} // namespace gongdan
