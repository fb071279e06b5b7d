#include "ui/dispatch/PresenceCombo.h"

#include "storage/DeskDispatch.h"
#include "sync/PresenceClient.h"

#include <QEvent>
#include <QPainter>
#include <QPixmap>

namespace gongdan {

namespace {

QIcon dot(Presence presence)
{
    const QColor colour = presence == Presence::Online ? QColor(0x2E, 0x7D, 0x32)
        : presence == Presence::Busy                   ? QColor(0xC6, 0x28, 0x28)
        : presence == Presence::Away                   ? QColor(0xB2, 0x6A, 0x00)
                                                       : QColor(0x9E, 0x9E, 0x9E);
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

} // namespace

PresenceCombo::PresenceCombo(DeskDispatch& desk, PresenceClient& client, SyncEngine& engine, QWidget* parent)
    : QComboBox(parent), m_desk(desk), m_client(client)
{
    setObjectName(QStringLiteral("presenceCombo"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (Presence p : allPresences())
        addItem(dot(p), presenceName(p), presenceKey(p));
    showPresence(m_desk.chosenPresence().value_or(Presence::Offline));
    retranslate();
    connect(this, &QComboBox::activated, this, [this](int index) {
        const Presence p = presenceFromKey(itemData(index).toString()).value_or(Presence::Offline);
        m_desk.choosePresence(p);
        m_confirmed = false;
        m_sentThisConnection = m_client.send(p);
        retranslate();
    });
    connect(&m_client, &PresenceClient::confirmed, this, [this](Presence p) {
        m_confirmed = true;
        showPresence(p);
        retranslate();
    });
    connect(&engine, &SyncEngine::stateChanged, this, &PresenceCombo::engineState);
}

Presence PresenceCombo::presence() const
{
    return presenceFromKey(currentData().toString()).value_or(Presence::Offline);
}

void PresenceCombo::choose(Presence presence)
{
    showPresence(presence);
    Q_EMIT activated(currentIndex());
}

void PresenceCombo::showPresence(Presence presence)
{
    const int index = findData(presenceKey(presence));
    if (index >= 0 && index != currentIndex()) {
        const QSignalBlocker quiet(this);
        setCurrentIndex(index);
    }
}

void PresenceCombo::engineState(SyncEngine::State state)
{
    if (state == SyncEngine::State::Idle && !m_sentThisConnection) {
        // Connected: the choice made here (offline, or at an earlier start) goes to the server.
        if (const auto chosen = m_desk.chosenPresence())
            m_sentThisConnection = m_client.send(*chosen);
    } else if (state != SyncEngine::State::Idle && state != SyncEngine::State::Syncing) {
        m_sentThisConnection = false;
        m_confirmed = false;
        retranslate();
    }
}

void PresenceCombo::retranslate()
{
    for (int i = 0; i < count(); ++i)
        setItemText(i, presenceName(presenceFromKey(itemData(i).toString()).value_or(Presence::Offline)));
    setToolTip(m_confirmed ? tr("Your status for automatic dispatch, as the server has it. Only online agents get "
                                "tickets offered.")
                           : tr("Your status for automatic dispatch; sent to the server when you are online."));
    setAccessibleName(tr("Presence"));
}

void PresenceCombo::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

} // namespace gongdan
