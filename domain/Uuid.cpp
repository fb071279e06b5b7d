#include "domain/Uuid.h"

#include "domain/Clock.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <array>

namespace gongdan {

UuidV7Generator::UuidV7Generator(const Clock& clock, QRandomGenerator* random)
    : m_clock(clock), m_random(random ? random : QRandomGenerator::system())
{
}

QString UuidV7Generator::next()
{
    std::int64_t ms = m_clock.nowMs();
    if (ms <= m_lastMs) {
        // Same millisecond (or a clock that stepped back): keep the last timestamp and count up.
        ms = m_lastMs;
        if (++m_counter > 0x0FFF) {
            ++ms;
            m_counter = 0;
        }
    } else {
        m_counter = static_cast<std::uint16_t>(m_random->bounded(0x0800));
    }
    m_lastMs = ms;

    std::array<unsigned char, 16> bytes {};
    for (int i = 0; i < 6; ++i)
        bytes[static_cast<size_t>(i)] = static_cast<unsigned char>((ms >> (8 * (5 - i))) & 0xFF);
    bytes[6] = static_cast<unsigned char>(0x70 | ((m_counter >> 8) & 0x0F));
    bytes[7] = static_cast<unsigned char>(m_counter & 0xFF);
    const quint64 random = m_random->generate64();
    for (int i = 8; i < 16; ++i)
        bytes[static_cast<size_t>(i)] = static_cast<unsigned char>((random >> (8 * (15 - i))) & 0xFF);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant

    static const char hex[] = "0123456789abcdef";
    QString text;
    text.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.append(QLatin1Char('-'));
        text.append(QLatin1Char(hex[bytes[static_cast<size_t>(i)] >> 4]));
        text.append(QLatin1Char(hex[bytes[static_cast<size_t>(i)] & 0x0F]));
    }
    return text;
}

bool UuidV7Generator::isValid(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return pattern.match(text).hasMatch();
}

} // namespace gongdan
