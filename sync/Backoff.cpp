#include "sync/Backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace gongdan {

Backoff::Backoff(QRandomGenerator* random) : m_random(random ? random : QRandomGenerator::global()) { }

int Backoff::next()
{
    ++m_failures;
    return delayFor(m_failures, m_random->generateDouble() * 2.0 - 1.0);
}

int Backoff::delayFor(int failures, double jitter)
{
    const int doublings = std::clamp(failures - 1, 0, 20);
    const double base = std::min<double>(static_cast<double>(kFirstMs) * (1 << doublings), kMaxMs);
    return static_cast<int>(base * (1.0 + 0.3 * std::clamp(jitter, -1.0, 1.0)));
}

} // namespace gongdan
