#pragma once

#include "domain/Access.h"

#include <QString>
#include <QStringList>

namespace gongdan {

class AttachmentStore;
class AttachmentTransfer;
class ChangeStream;
class Clock;
class CustomerRepository;
class Database;
class DraftStore;
class FieldDefinitionRepository;
class TeamDirectory;
class TicketRepository;
class Unmasker;

/// Who is working at this workstation: the person the ticket rules act for (their role and groups decide
/// what they may see and do, domain/Access.h).
struct AgentSession {
    QString agentId;
    QString name;
    Role role = Role::Agent;
    QStringList groupIds;

    Principal principal() const { return Principal {agentId, role, groupIds}; }
};

/// The services every window of the workstation works through. The main window owns them and hands
/// this bundle of references to the editors, panels and dialogs it opens: no singletons.
struct Workstation {
    Database& db;
    const Clock& clock;
    ChangeStream& changes; ///< where what is not a repository change is told (a refusal dealt with)
    const AgentSession& session;
    TicketRepository& tickets;
    FieldDefinitionRepository& fields;
    CustomerRepository& customers;
    TeamDirectory& directory;
    DraftStore& drafts;
    AttachmentStore& attachments;
    AttachmentTransfer& transfer; ///< attachment bytes to and from the server (sync/WorkstationCore's)
    Unmasker& unmasker; ///< clear values of sensitive data, asked of the server (sync/WorkstationCore's)
};

} // namespace gongdan
