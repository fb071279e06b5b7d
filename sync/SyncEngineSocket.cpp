// What the sync engine makes of its WebSocket (sync/PokeSocket): a ready socket slows the periodic pull, a
// lost one speeds it up and finds out at once whether the server still answers.
#include "sync/ConnectionTiming.h"
#include "sync/SyncEngine.h"

namespace gongdan {

using namespace connection;

void SyncEngine::pokesReady()
{
    m_periodic.setInterval(kPullWhileSocketUpMs);
    cycle(); // whatever happened while the socket was down
}

void SyncEngine::pokesLost(bool wasReady)
{
    m_periodic.setInterval(kPullWhileSocketDownMs);
    if (!m_running || m_state == State::SignedOut) {
        m_pokes.close();
        return;
    }
    if (m_inCycle && wasReady) // a request may wait on a server that no longer answers: give it up now
        fail({SyncFailure::Kind::Unreachable, 0,
            Error {QStringLiteral("sync.unreachable"), tr("The team server does not answer.")}});
    else if (!m_inCycle && m_state != State::Offline)
        cycle(); // find out at once: the window says so within a second when the server is gone
}

} // namespace gongdan
