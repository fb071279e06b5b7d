#pragma once

#include "domain/Result.h"

#include <QDate>
#include <QString>

namespace gongdan {

/// Human ticket numbers: "G" + the day (yyyyMMdd) + the day's sequence, at least three digits
/// (G20231001001). Past 999 tickets in a day the sequence simply grows a digit (G202310011000).
namespace TicketNumber {
QString format(QDate day, int sequence);
/// Splits a number into its day and sequence; false when the text is not a ticket number.
bool parse(const QString& number, QDate* day, int* sequence);
} // namespace TicketNumber

/// Hands out ticket numbers. Whoever is authoritative implements it: the local store while there is no
/// server, the server once sync is on. Implementations must be called inside the transaction that
/// stores the ticket, so a rolled-back ticket does not burn a number.
class TicketNumberAllocator {
public:
    virtual ~TicketNumberAllocator() = default;
    virtual Result<QString> allocate(QDate day) = 0;
    /// Records a number given out elsewhere (a replayed or synced ticket) so it is never handed out again.
    virtual Status reserve(const QString& number) = 0;
};

} // namespace gongdan
