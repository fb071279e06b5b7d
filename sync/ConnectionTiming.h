#pragma once

#include <QRandomGenerator>

namespace gongdan::connection {

inline constexpr int kPullWhileSocketDownMs = 60 * 1000;
inline constexpr int kPullWhileSocketUpMs = 5 * 60 * 1000;
// The connection is watched closely: the window says within seconds when the server stops answering, and
// is back in step within seconds of it answering again (the slow backoff is for a server answering errors).
inline constexpr int kHeartbeatMs = 2000; ///< a ping this often; none answered by the next: the server is gone
inline constexpr int kHandshakeMs = 4000; ///< a socket not ready by then is a server that does not answer
inline constexpr int kReconnectMs = 1500; ///< retry after a network failure (±30 %)

/// When to try again after a network failure: about kReconnectMs, spread so desks do not come back at once.
inline int reconnectDelay()
{
    return kReconnectMs * 7 / 10 + static_cast<int>(QRandomGenerator::global()->bounded(kReconnectMs * 6 / 10));
}

} // namespace gongdan::connection
