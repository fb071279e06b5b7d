#pragma once

#include "domain/ReportDefinition.h"
#include "domain/SlaStamp.h"

#include <QHash>
#include <QJsonObject>
#include <QTimeZone>
#include <optional>

namespace gongdan {

/// What a report needs to know of one ticket, worked out once from the ticket, its event log, its conversation and
/// the team's SLA setup (workflows.md §9.6 for the definitions).
struct ReportFacts {
    Ticket ticket;
    QJsonObject extra; ///< fields the ticket does not hold: customer_level, region (for conditions and grouping)
    int publicReplies = 0; ///< public agent replies written on this ticket (not moved here by a merge)
    bool everClosed = false; ///< closed now, or closed at some time by the event log
    bool reopenedWithin7Days = false; ///< moved out of 已关闭 within 7 days (7 × 24 h) of being closed
    /// Minutes to the first response: the SLA first-response clock's business minutes when a policy runs one and it
    /// is fulfilled; else the wall minutes from creation to first_response_at. None: no response yet.
    std::optional<double> firstResponseMinutes;
    bool firstResponseBusiness = false;
    /// For a closed ticket: the resolution clock's business minutes under a policy, else the wall minutes from
    /// creation to resolved_at (or closed_at).
    std::optional<double> resolutionMinutes;
    std::optional<double> hoursToClose; ///< wall hours from creation to closed_at, closed tickets only
    int clocksMet = 0; ///< response and resolution clocks fulfilled without breach (accept clocks are not counted)
    int clocksBreached = 0; ///< … breached (fulfilled late, or past due); running clocks count in neither
    std::optional<int> satisfaction; ///< 1–5, when the ticket has a score
};

/// One row of a report: its key (a group id, a need type key, "2026-03-05", "2026-W10", "2026-03", … ; empty: none)
/// and its measures by key (null where nothing was there to count, e.g. an average over no ticket).
struct ReportRow {
    QString key;
    QJsonObject values;
    QString label {}; ///< for people: the group's or agent's name, … (the server's; empty: the key says it)
    QString labelEn {}; ///< a group's or category's English name, where it has one
    QJsonObject toJson() const { return {{QStringLiteral("key"), key}, {QStringLiteral("values"), values}}; }
};

/// A report's computation, pure: the facts of a ticket, the keys of its row(s), and the accumulation of the tickets
/// of the period that match the report's conditions into rows. The server runs it over the team's tickets a page at
/// a time (server/ReportRunner); the tests over hand-made tickets.
class ReportEngine {
public:
    static ReportFacts factsOf(const Ticket& ticket, const QList<TicketEvent>& events, const QList<Comment>& comments,
        const SlaSetup& setup, qint64 now, const QJsonObject& extra = {});
    /// The ticket's satisfaction score (1–5) if it has one: read here alone, so where the score lives can change.
    static std::optional<int> satisfactionOf(const Ticket& ticket);
    /// The rows a ticket counts in: one, or one per tag (none: the empty key).
    static QStringList keysOf(const ReportFacts& facts, ReportGrouping grouping, const QTimeZone& zone);
};

/// Adds tickets' facts up into a report's rows. Memory: a few numbers per row, and the minutes of each ticket that
/// has them for the medians.
class ReportAccumulator {
public:
    ReportAccumulator(ReportDefinition definition, QDateTime from, QDateTime to, QTimeZone zone, QString me = {});

    /// Whether the ticket belongs to the report: created in [from, to) and matching its conditions.
    bool includes(const Ticket& ticket, const QJsonObject& extra) const;
    /// Counts the ticket in its rows if it belongs to the report; false if it does not.
    bool add(const ReportFacts& facts);
    /// The rows by key (dates in order; the empty key first).
    QList<ReportRow> rows() const;
    /// Every ticket counted, as one row (key "total"); a ticket with two tags counts once here.
    ReportRow total() const;
    int tickets() const { return m_total.tickets; }

    struct Sums {
        int tickets = 0;
        int closed = 0;
        QList<double> firstResponse;
        QList<double> resolution;
        double hoursToClose = 0;
        int closedWithHours = 0;
        int clocksMet = 0;
        int clocksBreached = 0;
        int everClosed = 0;
        int reopened = 0;
        int oneTouch = 0;
        int satisfactionSum = 0;
        int satisfactionCount = 0;

        void add(const ReportFacts& facts);
    };

private:
    ReportRow rowOf(const QString& key, const Sums& sums) const;

    ReportDefinition m_definition;
    QDateTime m_from, m_to;
    QTimeZone m_zone;
    QString m_me;
    QHash<QString, Sums> m_rows;
    Sums m_total;
};

/// A report as the server answered it (its JSON lines, server/ReportRunner), read line by line as they arrive.
struct ReportResult {
    ReportDefinition definition;
    QDateTime from, to;
    QTimeZone zone; ///< the team's, where the period's days begin
    QList<ReportMeasure> columns;
    QList<ReportRow> rows;
    ReportRow total;
    int tickets = 0;
    bool complete = false; ///< the total line has come

    /// Reads one line; an Error for a line that is not one of a report's.
    Status addLine(const QByteArray& line);
};

} // namespace gongdan
