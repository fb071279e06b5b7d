#pragma once

#include "domain/Dispatch.h"
#include "sync/SyncEngine.h"

#include <QComboBox>

namespace gongdan {

class DeskDispatch;
class PresenceClient;

/// The agent's presence in the status bar (在线 / 忙碌 / 离开 / 离线): who gets automatic offers. A choice is kept in
/// the local store and sent to the server at once when online, else when the desk connects again; the combo then
/// shows the server's value (which the server may change: 离开 after missed offers, 离线 after the desk left).
class PresenceCombo : public QComboBox {
    Q_OBJECT

public:
    PresenceCombo(DeskDispatch& desk, PresenceClient& client, SyncEngine& engine, QWidget* parent = nullptr);

    Presence presence() const;
    /// Chooses as the user would (the tests, a shortcut).
    void choose(Presence presence);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showPresence(Presence presence);
    void engineState(SyncEngine::State state);

    DeskDispatch& m_desk;
    PresenceClient& m_client;
    bool m_sentThisConnection = false;
    bool m_confirmed = false;
};

} // namespace gongdan
