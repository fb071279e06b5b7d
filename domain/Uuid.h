#pragma once

#include <QString>
#include <cstdint>

namespace gongdan {

class Clock;
}
class QRandomGenerator;
namespace gongdan {

/// Makes UUIDv7 identifiers (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids made on any
/// device never collide and sort by creation time. Within one millisecond the 12-bit sub-ms field counts up,
/// so ids from one generator are strictly increasing even if the clock stands still or steps back.
class UuidV7Generator {
public:
    /// `random` defaults to the system's secure generator; a seeded one makes ids reproducible (demo data).
    explicit UuidV7Generator(const Clock& clock, QRandomGenerator* random = nullptr);
    QString next();

    static bool isValid(const QString& text);

private:
    const Clock& m_clock;
    QRandomGenerator* m_random;
    std::int64_t m_lastMs = -1;
    std::uint16_t m_counter = 0;
};

} // namespace gongdan
