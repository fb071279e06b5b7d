#pragma once

#include "domain/BusinessCalendar.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace gongdan::test {

/// An instant from an Asia/Shanghai wall time, "yyyy-MM-dd HH:mm" or "yyyy-MM-dd HH:mm:ss", in UTC seconds.
inline qint64 local(const char* text)
{
    QDateTime time = QDateTime::fromString(QLatin1String(text),
        QLatin1String(text).size() > 16 ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
    time.setTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    return time.toSecsSinceEpoch();
}

/// The acceptance rows' CN9-18 calendar: Monday to Friday 09:00–18:00, Asia/Shanghai, no holidays.
inline BusinessCalendar cn918()
{
    const QJsonArray day {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}};
    return BusinessCalendar::fromJson(
        QJsonObject {{QStringLiteral("name"), QStringLiteral("CN9-18")},
            {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")},
            {QStringLiteral("weekly"),
                QJsonObject {{QStringLiteral("mon"), day}, {QStringLiteral("tue"), day}, {QStringLiteral("wed"), day},
                    {QStringLiteral("thu"), day}, {QStringLiteral("fri"), day}}}})
        .value();
}

} // namespace gongdan::test
