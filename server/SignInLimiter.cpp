#include "server/SignInLimiter.h"

#include <cmath>

namespace gongdan {

namespace {

constexpr qsizetype kPruneAbove = 10000; ///< addresses remembered before full buckets are forgotten

} // namespace

SignInLimiter::SignInLimiter(const Clock& clock, SignInLimits limits) : m_clock(clock), m_limits(limits)
{
    m_global = {static_cast<double>(m_limits.globalPerMinute), m_clock.nowMs()};
}

QString SignInLimiter::addressKey(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

bool SignInLimiter::refill(Bucket& bucket, int perMinute, qint64 nowMs, qint64* waitMs) const
{
    const double perMs = perMinute / 60000.0;
    const qint64 elapsed = std::max<qint64>(0, nowMs - bucket.atMs);
    bucket.tokens = std::min<double>(perMinute, bucket.tokens + elapsed * perMs);
    bucket.atMs = nowMs;
    if (bucket.tokens >= 1.0)
        return true;
    if (waitMs)
        *waitMs = std::max<qint64>(1, static_cast<qint64>(std::ceil((1.0 - bucket.tokens) / perMs)));
    return false;
}

Status SignInLimiter::take(const QHostAddress& address, qint64* retryAfterMs)
{
    const qint64 now = m_clock.nowMs();
    Bucket* own = nullptr;
    if (m_limits.perAddressPerMinute > 0) {
        const QString key = addressKey(address);
        auto it = m_addresses.find(key);
        if (it == m_addresses.end()) {
            if (m_addresses.size() >= kPruneAbove)
                forgetFullBuckets(now);
            it = m_addresses.insert(key, Bucket {static_cast<double>(m_limits.perAddressPerMinute), now});
        }
        own = &it.value();
        if (m_limits.perAddressInFlight > 0 && own->inFlight >= m_limits.perAddressInFlight) {
            if (retryAfterMs)
                *retryAfterMs = 1000;
            return Error {QStringLiteral("auth.address_throttled"),
                QStringLiteral("Your address has %1 sign-ins being checked already; try again in 1 s.")
                    .arg(m_limits.perAddressInFlight),
                QStringLiteral("login")};
        }
        if (!refill(*own, m_limits.perAddressPerMinute, now, retryAfterMs))
            return Error {QStringLiteral("auth.address_throttled"),
                QStringLiteral("Too many sign-in attempts from your address; try again in %1 s.")
                    .arg((retryAfterMs ? *retryAfterMs + 999 : 1000) / 1000),
                QStringLiteral("login")};
    }
    if (m_limits.globalPerMinute > 0 && !refill(m_global, m_limits.globalPerMinute, now, retryAfterMs))
        return Error {QStringLiteral("auth.server_throttled"),
            QStringLiteral("The server takes no more sign-in attempts just now; try again in %1 s.")
                .arg((retryAfterMs ? *retryAfterMs + 999 : 1000) / 1000),
            QStringLiteral("login")};
    if (own) {
        own->tokens -= 1.0;
        ++own->inFlight;
    }
    if (m_limits.globalPerMinute > 0)
        m_global.tokens -= 1.0;
    return {};
}

void SignInLimiter::release(const QHostAddress& address, bool refund)
{
    if (m_limits.perAddressPerMinute > 0) {
        auto it = m_addresses.find(addressKey(address));
        if (it != m_addresses.end()) {
            it->inFlight = std::max(0, it->inFlight - 1);
            if (refund)
                it->tokens = std::min<double>(m_limits.perAddressPerMinute, it->tokens + 1.0);
        }
    }
    if (refund && m_limits.globalPerMinute > 0)
        m_global.tokens = std::min<double>(m_limits.globalPerMinute, m_global.tokens + 1.0);
}

void SignInLimiter::forgetFullBuckets(qint64 nowMs)
{
    for (auto it = m_addresses.begin(); it != m_addresses.end();) {
        refill(it.value(), m_limits.perAddressPerMinute, nowMs, nullptr);
        if (it->inFlight == 0 && it->tokens >= m_limits.perAddressPerMinute)
            it = m_addresses.erase(it);
        else
            ++it;
    }
}

} // namespace gongdan
