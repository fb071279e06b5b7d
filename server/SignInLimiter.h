#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <QHash>
#include <QHostAddress>

namespace gongdan {

/// How many sign-in attempts the server takes, as token buckets (nginx's limit_req: a rate with a burst of the
/// same size). 0 turns a limit off.
struct SignInLimits {
    int perAddressPerMinute = 20; ///< attempts one address (an IPv6 /64) may make a minute, all at once or spread
    int globalPerMinute = 600; ///< attempts all addresses together may make a minute
    int perAddressInFlight = 4; ///< passwords of one address being checked at once (with perAddressPerMinute)
};

/// Sign-in attempts limited per address and for the whole server, on top of AuthService's per-login delay (which
/// a guesser escapes by trying a new login each time). Every attempt that reaches the password check takes a token
/// from its address's bucket and then from the global one; a successful sign-in gives both back, so people who
/// know their password are never counted, and one address cannot empty the global bucket (its own is smaller).
/// One address also has at most perAddressInFlight passwords checked at once (nginx's limit_conn), so a burst
/// from one address cannot fill the password queue of everyone. Time comes from the Clock.
class SignInLimiter {
public:
    SignInLimiter(const Clock& clock, SignInLimits limits);

    /// Takes a token for an attempt from `address`; when a bucket is empty, auth.address_throttled or
    /// auth.server_throttled (429), with the wait until the next token in `retryAfterMs`.
    Status take(const QHostAddress& address, qint64* retryAfterMs = nullptr);
    /// The end of an attempt take() let through; `refund`: it succeeded (or was never tried), its tokens go back.
    void release(const QHostAddress& address, bool refund);
    /// The bucket key of an address: IPv4 as is (IPv4-mapped IPv6 too), IPv6 by its /64 (one host owns many).
    static QString addressKey(const QHostAddress& address);

private:
    struct Bucket {
        double tokens = 0;
        qint64 atMs = 0;
        int inFlight = 0;
    };
    /// Refills `bucket` for the time passed; false (with the wait) when it holds less than one token.
    bool refill(Bucket& bucket, int perMinute, qint64 nowMs, qint64* waitMs) const;
    void forgetFullBuckets(qint64 nowMs);

    const Clock& m_clock;
    SignInLimits m_limits;
    QHash<QString, Bucket> m_addresses;
    Bucket m_global;
};

} // namespace gongdan
