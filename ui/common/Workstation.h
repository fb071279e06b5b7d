#pragma once

#include <QString>

namespace gongdan {

class AttachmentStore;
class Clock;
class CustomerRepository;
class Database;
class DraftStore;
class FieldDefinitionRepository;
class TeamDirectory;
class TicketRepository;

/// Who is working at this workstation.
struct AgentSession {
    QString agentId;
    QString name;
    QString role;
};

/// The services every window of the workstation works through. The main window owns them and hands
/// this bundle of references to the editors, panels and dialogs it opens: no singletons.
struct Workstation {
    Database& db;
    const Clock& clock;
    const AgentSession& session;
    TicketRepository& tickets;
    FieldDefinitionRepository& fields;
    CustomerRepository& customers;
    TeamDirectory& directory;
    DraftStore& drafts;
    AttachmentStore& attachments;
};

} // namespace gongdan
