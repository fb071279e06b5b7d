#include "domain/TicketNumber.h"

namespace gongdan::TicketNumber {

QString format(QDate day, int sequence)
{
    return QLatin1Char('G') + day.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
}

bool parse(const QString& number, QDate* day, int* sequence)
{
    if (number.size() < 12 || number.at(0) != QLatin1Char('G'))
        return false;
    for (qsizetype i = 1; i < number.size(); ++i) {
        if (!number.at(i).isDigit() || number.at(i).unicode() > 127)
            return false;
    }
    const QDate parsedDay = QDate::fromString(number.mid(1, 8), QStringLiteral("yyyyMMdd"));
    bool ok = false;
    const int parsedSequence = number.mid(9).toInt(&ok);
    if (!parsedDay.isValid() || !ok || parsedSequence < 1)
        return false;
    if (number.size() > 12 && number.at(9) == QLatin1Char('0'))
        return false; // a sequence past three digits never has a leading zero
    if (day)
        *day = parsedDay;
    if (sequence)
        *sequence = parsedSequence;
    return true;
}

} // namespace gongdan::TicketNumber
