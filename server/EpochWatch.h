#pragma once

#include "teamdb/SyncStore.h"

#include <QObject>
#include <QTimer>

namespace gongdan {

/// Notices a restore made under the running server (`gongdan-server restore`, teamdb/TeamBackup): every
/// `intervalMs` it reads the database's epoch, and when another history has taken over it says so with the
/// restored database's change counter, which PokeHub sends to every workstation (they pull, hear
/// sync.resync_required and rebuild their copies). A desk that is not connected hears it at its next pull.
class EpochWatch : public QObject {
    Q_OBJECT

public:
    EpochWatch(SyncStore& store, int intervalMs, QObject* parent = nullptr);

Q_SIGNALS:
    /// The epoch changed from `from` to `to`; `counter` is the restored change counter.
    void restored(const QString& from, const QString& to, qint64 counter);

private:
    void check();

    SyncStore& m_store;
    QString m_epoch;
    QTimer m_timer;
};

} // namespace gongdan
