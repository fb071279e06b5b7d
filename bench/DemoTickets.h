#pragma once

#include "bench/DemoTeam.h"
#include "domain/Clock.h"
#include "domain/Customer.h"
#include "domain/Ticket.h"
#include "domain/Uuid.h"

#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>

namespace gongdan::demo {

struct SeedOptions {
    qint64 tickets = 1000;
    quint32 seed = 20231001;
    QDateTime end; ///< newest ticket's creation time; tickets spread over spanDays before it
    int batchSize = 10000; ///< tickets per transaction (local store)
    int spanDays = 365; ///< tickets are spread over this many days before `end`
};

/// One demo ticket with what hangs off it, as the team would have made it: its comments, its events
/// (the local store keeps those), and its number's day and sequence (GYYYYMMDDNNN).
struct DemoTicket {
    Ticket ticket;
    QList<Comment> comments;
    QList<TicketEvent> events;
    QDate day;
    int sequence = 0;
};

/// The demo team's customers, reproducibly from the seed: Chinese names and phone numbers, levels,
/// regions and tags; max(50, tickets / 10) of them.
QList<Customer> demoCustomers(const SeedOptions& options);

/// Makes the demo tickets one after another, reproducibly from the seed, for the workstation's local
/// store (DemoSeeder) and the team server (seedTeamServer) alike. Every ticket is one the ticket rules
/// (domain/TicketRules) would have produced: its group is its category's (DemoTeam), its assignee a member
/// of that group, its customer one of `customers`, its creator a demo user who may see it, its status
/// reached through the lifecycle with the times that status implies (accepted, first response,
/// resolved, closed — never later than `end`), fields required to close filled in by someone who may
/// edit them, and numbers unique per local day. Open tickets are shared out in turn among the group's
/// members, so that nearly everyone has some in their own queue (我的待办).
class DemoTicketMaker {
public:
    DemoTicketMaker(const SeedOptions& options, QList<Customer> customers);

    bool atEnd() const { return m_done >= m_options.tickets; }
    qint64 made() const { return m_done; }
    /// The next ticket; call only while !atEnd().
    DemoTicket next();

private:
    /// The next moment of the ticket's life, minutes to hours after the last, never after the end.
    QDateTime later(QDateTime& at);

    SeedOptions m_options;
    QList<Customer> m_customers;
    QRandomGenerator m_random;
    QDateTime m_start;
    qint64 m_spanMs = 0;
    qint64 m_offsetMs = 0;
    ManualClock m_clock;
    UuidV7Generator m_ids;
    QHash<QString, QList<const DemoAgent*>> m_members; ///< by group
    QHash<QString, const DemoAgent*> m_supervisors; ///< by group
    QHash<QString, int> m_openTurn; ///< by group: whose turn it is to get the next open ticket
    QHash<QDate, int> m_perDay;
    QHash<QString, QString> m_lastOfGroup; ///< the group's latest ticket: what a duplicate is merged into
    qint64 m_done = 0;
};

} // namespace gongdan::demo
