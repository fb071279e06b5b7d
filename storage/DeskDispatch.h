#pragma once

#include "domain/Dispatch.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace gongdan {

/// A ticket the server offered to this desk's user, waiting for 确认接收.
struct DeskOffer {
    QString ticketId;
    QString number;
    QString subject;
    QDateTime offeredAt; ///< the time of the server's dispatch event
    QDateTime expiresAt; ///< offeredAt + the group's accept_timeout_min (default 5)
    QString explanation; ///< the server's words: "assigned to 李娜: least loaded 0/2 in 客服部"
};

/// Automatic dispatch as the desk sees it: the offers waiting for this user (their 待接单 tickets whose last
/// dispatch event is an offer to them, with the deadline from the group's synced dispatch settings), and the
/// presence the user chose in the status bar, kept to be sent to the server when online (table desk_presence).
class DeskDispatch {
public:
    explicit DeskDispatch(Database& db) : m_db(db) { }

    /// Oldest deadline first.
    QList<DeskOffer> openOffers(const QString& userId);
    std::optional<Presence> chosenPresence();
    Status choosePresence(Presence presence);

private:
    /// The group's accept_timeout_min as last pulled; 5 when the desk has none.
    int acceptTimeoutMin(const QString& groupId);

    Database& m_db;
};

} // namespace gongdan
