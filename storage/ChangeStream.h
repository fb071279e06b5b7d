#pragma once

#include <QFlags>
#include <QObject>
#include <QStringList>

namespace gongdan {

/// What changed in the local store, told once it is committed.
struct StoreChange {
    enum class Kind {
        Tickets = 0x1, ///< these tickets' rows (or conversations) were written
        Queued = 0x2, ///< changes were queued in the outbox: a push is due
        Team = 0x4, ///< users, groups, field definitions or categories changed
        Views = 0x8, ///< saved views changed
        Attention = 0x10, ///< a refused change or a departed ticket was dealt with (需要处理)
        Pulled = 0x20, ///< the tickets came from the server: no "before" was told (aboutToChange)
        Counts = 0x40, ///< many rows changed at once: counts are taken again, not followed
    };
    Q_DECLARE_FLAGS(Kinds, Kind)

    Kinds kinds;
    QStringList ticketIds; ///< with Kind::Tickets

    bool has(Kind kind) const { return kinds.testFlag(kind); }
    static StoreChange tickets(const QStringList& ids) { return {Kind::Tickets, ids}; }
    static StoreChange only(Kinds kinds) { return {kinds, {}}; }
};

Q_DECLARE_OPERATORS_FOR_FLAGS(StoreChange::Kinds)

/// The one way the workstation learns what changed in its store: whoever commits a change (the
/// repositories, the sync engine's pulls, the outbox) tells the stream once it is stored, and models,
/// view counts, the sync engine and windows listen to `changed` — one path for every change.
class ChangeStream : public QObject {
    Q_OBJECT

public:
    explicit ChangeStream(QObject* parent = nullptr) : QObject(parent) { }

    /// Before these tickets change (their rows as they are now still readable): what follows a ticket's
    /// state incrementally (the view counts) takes note. A created ticket has no "before".
    void aboutToChange(const QStringList& ticketIds)
    {
        if (!ticketIds.isEmpty())
            Q_EMIT ticketsAboutToChange(ticketIds);
    }
    void publish(const StoreChange& change) { Q_EMIT changed(change); }

Q_SIGNALS:
    void ticketsAboutToChange(const QStringList& ticketIds);
    void changed(const gongdan::StoreChange& change);
};

} // namespace gongdan
