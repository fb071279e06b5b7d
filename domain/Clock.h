#pragma once

#include <QDateTime>

namespace gongdan {

/// The only way domain and storage code learns the time, so SLA and lifecycle rules can be tested with
/// a clock the test controls.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

/// The wall clock, in UTC.
class SystemClock final : public Clock {
public:
    QDateTime now() const override;
};

/// A clock that moves only when told to; for tests, the demo seeder and benchmarks.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start);
    QDateTime now() const override { return m_now; }
    void set(const QDateTime& time) { m_now = time; }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace gongdan
