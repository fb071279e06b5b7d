#include "sync/WorkstationCore.h"

#include "storage/AttachmentStore.h"
#include "storage/CustomerRepository.h"
#include "storage/DeskDispatch.h"
#include "storage/DraftStore.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/NotificationInbox.h"
#include "storage/SyncCache.h"
#include "storage/TeamDirectory.h"
#include "storage/TicketRepository.h"
#include "sync/AttachmentTransfer.h"
#include "sync/PresenceClient.h"
#include "sync/ReportClient.h"
#include "sync/SyncEngine.h"
#include "sync/Unmasker.h"

#include <QMetaObject>

namespace gongdan {

Result<std::unique_ptr<WorkstationCore>> WorkstationCore::open(
    const QString& path, const Clock& clock, const Options& options)
{
    auto db = Database::open(path, clock);
    if (!db)
        return db.error();
    std::unique_ptr<WorkstationCore> core(new WorkstationCore(std::move(db.value()), options));
    // Without a window there is no remembered sign-in: the store's owner is who its changes are queued as.
    core->db().setSignedInUser(core->cache().owner());
    return core;
}

WorkstationCore::WorkstationCore(Database& db, const Options& options)
    : m_db(db)
    , m_numbers(makeNumberAllocator(db, options.numbering))
    , m_fields(std::make_unique<FieldDefinitionRepository>(db))
    , m_tickets(std::make_unique<TicketRepository>(db, *m_numbers, *m_fields))
    , m_notifications(std::make_unique<NotificationInbox>(db))
    , m_customers(std::make_unique<CustomerRepository>(db))
    , m_drafts(std::make_unique<DraftStore>(db))
    , m_attachments(std::make_unique<AttachmentStore>(db))
    , m_directory(std::make_unique<TeamDirectory>(db))
    , m_cache(std::make_unique<SyncCache>(db, *m_tickets, options.failpoints))
    , m_engine(std::make_unique<SyncEngine>(db, *m_cache, options.numbering, options.failpoints))
    , m_transfer(std::make_unique<AttachmentTransfer>(*m_attachments, [this] { return m_cache->owner(); }))
    , m_unmasker(std::make_unique<Unmasker>([this] {
        return Unmasker::Connection {m_engine->server(), m_engine->token()};
    }))
    , m_dispatch(std::make_unique<DeskDispatch>(db))
    , m_presence(std::make_unique<PresenceClient>([this] {
        return PresenceClient::Connection {m_engine->server(), m_engine->token()};
    }))
    , m_reports(std::make_unique<ReportClient>([this] {
        return ReportClient::Connection {m_engine->server(), m_engine->token()};
    }))
{
    wire();
}

WorkstationCore::WorkstationCore(std::unique_ptr<Database> owned, const Options& options)
    : WorkstationCore(*owned, options)
{
    m_owned = std::move(owned);
}

WorkstationCore::~WorkstationCore()
{
    m_db.watchInserts(QStringLiteral("outbox"), {});
}

void WorkstationCore::wire()
{
    m_tickets->setChangeStream(&m_changes);
    // Every write anywhere in the workstation lands in the outbox. The hook runs inside the insert, so it
    // only posts; one post covers all the entries of that turn of the event loop.
    m_db.watchInserts(QStringLiteral("outbox"), [this] {
        if (std::exchange(m_pushPosted, true))
            return;
        QMetaObject::invokeMethod(
            &m_changes,
            [this] {
                m_pushPosted = false;
                m_changes.publish(StoreChange::only(StoreChange::Kind::Queued));
            },
            Qt::QueuedConnection);
    });
    SyncEngine* engine = m_engine.get();
    QObject::connect(&m_changes, &ChangeStream::changed, engine, [engine](const StoreChange& change) {
        if (change.has(StoreChange::Kind::Queued))
            engine->changesQueued();
    });
    // A file attached (its comment or field is queued) goes up; tickets pulled may bring files to keep offline.
    AttachmentTransfer* transfer = m_transfer.get();
    QObject::connect(&m_changes, &ChangeStream::changed, transfer, [transfer](const StoreChange& change) {
        if (change.has(StoreChange::Kind::Queued) || change.has(StoreChange::Kind::Tickets))
            transfer->kick();
    });
    // What the engine stores (pulled pages, refusals) reaches the stream as changes without a "before":
    // counts are taken again, except while a first sync stores the queue (the counts follow its end).
    QObject::connect(engine, &SyncEngine::ticketsChanged, &m_changes, [this, engine](const QStringList& ids) {
        StoreChange::Kinds kinds = StoreChange::Kind::Tickets | StoreChange::Kind::Pulled;
        if (!engine->storingQueue())
            kinds |= StoreChange::Kind::Counts;
        m_changes.publish({kinds, ids});
    });
    const auto recount = [this] { m_changes.publish(StoreChange::only(StoreChange::Kind::Counts)); };
    QObject::connect(engine, &SyncEngine::ownQueueReady, &m_changes, recount);
    QObject::connect(engine, &SyncEngine::queueReady, &m_changes, recount);
    QObject::connect(engine, &SyncEngine::teamChanged, &m_changes,
        [this] { m_changes.publish(StoreChange::only(StoreChange::Kind::Team)); });
}

} // namespace gongdan
