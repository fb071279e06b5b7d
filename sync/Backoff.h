#pragma once

class QRandomGenerator;

namespace gongdan {

/// Retry delays for sync: 0.5 s after the first failure, doubling up to 60 s, each with ±30 % jitter so
/// a floor of workstations that lost the server together does not come back in step.
class Backoff {
public:
    static constexpr int kFirstMs = 500;
    static constexpr int kMaxMs = 60 * 1000;

    /// `random` defaults to the global generator; a seeded one makes delays reproducible.
    explicit Backoff(QRandomGenerator* random = nullptr);
    /// The delay before the next try; counts a failure.
    int next();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

    /// The delay after `failures` failures (≥ 1) with `jitter` in [-1, 1] (scaled to ±30 %).
    static int delayFor(int failures, double jitter);

private:
    QRandomGenerator* m_random;
    int m_failures = 0;
};

} // namespace gongdan
