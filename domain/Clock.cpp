#include "domain/Clock.h"

namespace gongdan {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(QDateTime start) : m_now(std::move(start)) { }

} // namespace gongdan
