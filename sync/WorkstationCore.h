#pragma once

#include "domain/Failpoints.h"
#include "storage/ChangeStream.h"
#include "storage/Database.h"
#include "storage/SyncCache.h"
#include "storage/TicketRepository.h"
#include "sync/SyncEngine.h"

#include <memory>

namespace gongdan {

class AttachmentStore;
class AttachmentTransfer;
class CustomerRepository;
class DeskDispatch;
class DraftStore;
class FieldDefinitionRepository;
class NotificationInbox;
class PresenceClient;
class TeamDirectory;
class ReportClient;
class Unmasker;

struct CoreOptions {
    CoreNumbering numbering = CoreNumbering::Local;
    Failpoints failpoints;
};

/// The workstation without windows, made in one place: the local store's repositories, the sync
/// cache and engine, and the change stream they all report to. The app makes one (gongdan_main) and
/// hands it to the main window; the tests, the benchmarks and the test helper process make the same
/// one. Wired here, not in a window: every committed change reaches the stream (the ticket repository
/// directly; queued outbox entries and pulled pages through the engine), and a queued change starts
/// a push at the next turn of the event loop.
class WorkstationCore {
public:
    using Numbering = CoreNumbering;
    using Options = CoreOptions;

    /// Opens the store at `path` and owns it.
    static Result<std::unique_ptr<WorkstationCore>> open(
        const QString& path, const Clock& clock, const Options& options = {});
    /// Over a store the caller owns (and keeps open longer than this).
    explicit WorkstationCore(Database& db, const Options& options = {});
    ~WorkstationCore();
    WorkstationCore(const WorkstationCore&) = delete;
    WorkstationCore& operator=(const WorkstationCore&) = delete;

    Database& db() { return m_db; }
    const Clock& clock() const { return m_db.clock(); }
    ChangeStream& changes() { return m_changes; }
    /// The signed-in user's notifications (pulled as records; read state queued as notification.read).
    NotificationInbox& notifications() { return *m_notifications; }
    TicketNumberAllocator& numbers() { return *m_numbers; }
    FieldDefinitionRepository& fields() { return *m_fields; }
    TicketRepository& tickets() { return *m_tickets; }
    CustomerRepository& customers() { return *m_customers; }
    DraftStore& drafts() { return *m_drafts; }
    AttachmentStore& attachments() { return *m_attachments; }
    TeamDirectory& directory() { return *m_directory; }
    SyncCache& cache() { return *m_cache; }
    SyncEngine& engine() { return *m_engine; }
    /// Attachment bytes to and from the server; started and stopped with the engine (same server and token).
    AttachmentTransfer& transfer() { return *m_transfer; }
    /// Clear values of sensitive data on demand, with the engine's server and token (the "Show" buttons).
    Unmasker& unmasker() { return *m_unmasker; }
    /// Offers waiting for 确认接收 and the presence chosen here (automatic dispatch, desk side).
    DeskDispatch& dispatch() { return *m_dispatch; }
    /// This user's presence on the server, with the engine's server and token.
    PresenceClient& presence() { return *m_presence; }
    /// Reports run on the server (the Reports window), with the engine's server and token.
    ReportClient& reports() { return *m_reports; }

private:
    WorkstationCore(std::unique_ptr<Database> owned, const Options& options);
    void wire();

    std::unique_ptr<Database> m_owned;
    Database& m_db;
    ChangeStream m_changes;
    std::unique_ptr<TicketNumberAllocator> m_numbers;
    std::unique_ptr<FieldDefinitionRepository> m_fields;
    std::unique_ptr<TicketRepository> m_tickets;
    std::unique_ptr<NotificationInbox> m_notifications;
    std::unique_ptr<CustomerRepository> m_customers;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<AttachmentStore> m_attachments;
    std::unique_ptr<TeamDirectory> m_directory;
    std::unique_ptr<SyncCache> m_cache;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<AttachmentTransfer> m_transfer;
    std::unique_ptr<Unmasker> m_unmasker;
    std::unique_ptr<DeskDispatch> m_dispatch;
    std::unique_ptr<PresenceClient> m_presence;
    std::unique_ptr<ReportClient> m_reports;
    bool m_pushPosted = false;
};

} // namespace gongdan
