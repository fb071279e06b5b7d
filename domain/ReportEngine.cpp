#include "domain/ReportEngine.h"

#include "domain/TicketMatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>

namespace gongdan {

namespace {

constexpr qint64 kReopenWindowSeconds = 7 * 24 * 3600;

QJsonValue average(const QList<double>& values)
{
    if (values.isEmpty())
        return QJsonValue::Null;
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / double(values.size());
}

QJsonValue median(QList<double> values)
{
    if (values.isEmpty())
        return QJsonValue::Null;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 == 1 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2.0;
}

QJsonValue rate(int part, int whole)
{
    return whole > 0 ? QJsonValue(double(part) / double(whole)) : QJsonValue(QJsonValue::Null);
}

} // namespace

std::optional<int> ReportEngine::satisfactionOf(const Ticket& ticket)
{
    // The customer's 1–5 score (满意度), recorded when closing or afterwards (Ticket::satisfaction; 0: none).
    if (ticket.satisfaction < 1 || ticket.satisfaction > 5)
        return std::nullopt;
    return ticket.satisfaction;
}

ReportFacts ReportEngine::factsOf(const Ticket& ticket, const QList<TicketEvent>& events,
    const QList<Comment>& comments, const SlaSetup& setup, qint64 now, const QJsonObject& extra)
{
    ReportFacts facts;
    facts.ticket = ticket;
    facts.extra = extra;
    facts.satisfaction = satisfactionOf(ticket);
    for (const Comment& comment : comments) {
        if (comment.visibility == CommentVisibility::Public && comment.originTicketId.isEmpty())
            ++facts.publicReplies;
    }
    const bool closed = ticket.status == TicketStatus::Closed;
    // Closed and reopened, by the event log in time order.
    QList<const TicketEvent*> moves;
    for (const TicketEvent& event : events) {
        if (event.kind == QLatin1String("status"))
            moves.append(&event);
    }
    std::stable_sort(
        moves.begin(), moves.end(), [](const TicketEvent* a, const TicketEvent* b) { return a->at < b->at; });
    const QString closedKey = EnumText<TicketStatus>::key(TicketStatus::Closed);
    QDateTime lastClosed;
    for (const TicketEvent* move : std::as_const(moves)) {
        if (move->newValue == closedKey) {
            lastClosed = move->at;
            facts.everClosed = true;
        } else if (move->oldValue == closedKey && lastClosed.isValid()
            && lastClosed.secsTo(move->at) <= kReopenWindowSeconds) {
            facts.reopenedWithin7Days = true;
        }
    }
    facts.everClosed = facts.everClosed || closed;

    std::optional<SlaClock> firstResponse;
    std::optional<SlaClock> resolution;
    if (const SlaPolicy* policy = SlaPolicy::choose(setup.policies, ticket, extra)) {
        const QList<SlaClock> clocks = SlaClocks::rebuild(
            SlaStamp::historyOf(ticket, events, comments), *policy, setup.calendarOf(*policy), now);
        for (const SlaClock& clock : clocks) {
            if (clock.metric == SlaMetric::Accept)
                continue; // it drives escalations, not due times: no attainment of its own
            if (clock.breached)
                ++facts.clocksBreached;
            else if (clock.state == SlaClock::State::Fulfilled)
                ++facts.clocksMet;
            if (clock.metric == SlaMetric::FirstResponse && clock.state == SlaClock::State::Fulfilled)
                firstResponse = clock;
            if (clock.metric == SlaMetric::Resolution && clock.state == SlaClock::State::Fulfilled)
                resolution = clock;
        }
    }
    if (firstResponse) {
        facts.firstResponseMinutes = double(firstResponse->elapsedSeconds) / 60.0;
        facts.firstResponseBusiness = true;
    } else if (ticket.firstResponseAt.isValid() && ticket.createdAt.isValid()) {
        facts.firstResponseMinutes
            = double(std::max<qint64>(0, ticket.createdAt.secsTo(ticket.firstResponseAt))) / 60.0;
    }
    if (closed) {
        const QDateTime resolved = ticket.resolvedAt.isValid() ? ticket.resolvedAt : ticket.closedAt;
        if (resolution)
            facts.resolutionMinutes = double(resolution->elapsedSeconds) / 60.0;
        else if (resolved.isValid())
            facts.resolutionMinutes = double(std::max<qint64>(0, ticket.createdAt.secsTo(resolved))) / 60.0;
        if (ticket.closedAt.isValid())
            facts.hoursToClose = double(std::max<qint64>(0, ticket.createdAt.secsTo(ticket.closedAt))) / 3600.0;
    }
    return facts;
}

QStringList ReportEngine::keysOf(const ReportFacts& facts, ReportGrouping grouping, const QTimeZone& zone)
{
    const Ticket& t = facts.ticket;
    const QDate day = t.createdAt.toTimeZone(zone).date();
    switch (grouping) {
    case ReportGrouping::Group:
        return {t.groupId};
    case ReportGrouping::Agent:
        return {t.assigneeId};
    case ReportGrouping::Category:
        return {t.categoryId};
    case ReportGrouping::NeedType:
        return {EnumText<NeedType>::key(t.needType)};
    case ReportGrouping::Priority:
        return {EnumText<Priority>::key(t.priority)};
    case ReportGrouping::Channel:
        return {EnumText<Channel>::key(t.channel)};
    case ReportGrouping::CustomerLevel:
        return {facts.extra.value(QStringLiteral("customer_level")).toString()};
    case ReportGrouping::Region:
        return {facts.extra.value(QStringLiteral("region")).toString()};
    case ReportGrouping::Tag: {
        QStringList tags = t.tags;
        tags.removeDuplicates();
        return tags.isEmpty() ? QStringList {QString()} : tags;
    }
    case ReportGrouping::Day:
        return {day.toString(Qt::ISODate)};
    case ReportGrouping::Week: {
        int year = 0;
        const int week = day.weekNumber(&year);
        return {QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'))};
    }
    case ReportGrouping::Month:
        return {day.toString(QStringLiteral("yyyy-MM"))};
    }
    return {QString()};
}

void ReportAccumulator::Sums::add(const ReportFacts& facts)
{
    ++tickets;
    const bool isClosed = facts.ticket.status == TicketStatus::Closed;
    if (isClosed) {
        ++closed;
        if (facts.publicReplies < 2)
            ++oneTouch;
    }
    if (facts.firstResponseMinutes)
        firstResponse.append(*facts.firstResponseMinutes);
    if (facts.resolutionMinutes)
        resolution.append(*facts.resolutionMinutes);
    if (facts.hoursToClose) {
        hoursToClose += *facts.hoursToClose;
        ++closedWithHours;
    }
    clocksMet += facts.clocksMet;
    clocksBreached += facts.clocksBreached;
    everClosed += facts.everClosed ? 1 : 0;
    reopened += facts.everClosed && facts.reopenedWithin7Days ? 1 : 0;
    if (facts.satisfaction) {
        satisfactionSum += *facts.satisfaction;
        ++satisfactionCount;
    }
}

ReportAccumulator::ReportAccumulator(
    ReportDefinition definition, QDateTime from, QDateTime to, QTimeZone zone, QString me)
    : m_definition(std::move(definition))
    , m_from(std::move(from))
    , m_to(std::move(to))
    , m_zone(std::move(zone))
    , m_me(std::move(me))
{
}

bool ReportAccumulator::includes(const Ticket& ticket, const QJsonObject& extra) const
{
    if (!ticket.createdAt.isValid() || ticket.createdAt < m_from || ticket.createdAt >= m_to)
        return false;
    return TicketMatch::matches(ticket, m_definition.match, m_definition.conditions, extra, m_me);
}

bool ReportAccumulator::add(const ReportFacts& facts)
{
    if (!includes(facts.ticket, facts.extra))
        return false;
    for (const QString& key : ReportEngine::keysOf(facts, m_definition.grouping, m_zone))
        m_rows[key].add(facts);
    m_total.add(facts);
    return true;
}

QList<ReportRow> ReportAccumulator::rows() const
{
    QStringList keys = m_rows.keys();
    std::sort(keys.begin(), keys.end());
    QList<ReportRow> out;
    out.reserve(keys.size());
    for (const QString& key : std::as_const(keys))
        out.append(rowOf(key, m_rows.value(key)));
    return out;
}

ReportRow ReportAccumulator::total() const
{
    return rowOf(QStringLiteral("total"), m_total);
}

ReportRow ReportAccumulator::rowOf(const QString& key, const Sums& s) const
{
    ReportRow row {key, {}};
    for (ReportMeasure measure : m_definition.measures) {
        QJsonValue value;
        switch (measure) {
        case ReportMeasure::Tickets:
            value = s.tickets;
            break;
        case ReportMeasure::Closed:
            value = s.closed;
            break;
        case ReportMeasure::FirstResponseAvg:
            value = average(s.firstResponse);
            break;
        case ReportMeasure::FirstResponseMedian:
            value = median(s.firstResponse);
            break;
        case ReportMeasure::ResolutionAvg:
            value = average(s.resolution);
            break;
        case ReportMeasure::ResolutionMedian:
            value = median(s.resolution);
            break;
        case ReportMeasure::HoursToCloseAvg:
            value = s.closedWithHours > 0 ? QJsonValue(s.hoursToClose / s.closedWithHours) : QJsonValue::Null;
            break;
        case ReportMeasure::SlaAttainment:
            value = rate(s.clocksMet, s.clocksMet + s.clocksBreached);
            break;
        case ReportMeasure::ReopenRate:
            value = rate(s.reopened, s.everClosed);
            break;
        case ReportMeasure::OneTouchRate:
            value = rate(s.oneTouch, s.closed);
            break;
        case ReportMeasure::SatisfactionAvg:
            value = s.satisfactionCount > 0 ? QJsonValue(double(s.satisfactionSum) / s.satisfactionCount)
                                            : QJsonValue(QJsonValue::Null);
            break;
        case ReportMeasure::SatisfactionCount:
            value = s.satisfactionCount;
            break;
        }
        row.values.insert(ReportDefinition::measureKey(measure), value);
    }
    return row;
}

Status ReportResult::addLine(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(line, &error).object();
    const QString type = json.value(QStringLiteral("type")).toString();
    if (error.error != QJsonParseError::NoError || type.isEmpty())
        return Error {
            QStringLiteral("report.bad_answer"), ReportDefinition::tr("The server's answer is not a report.")};
    if (type == QLatin1String("report")) {
        auto parsed = ReportDefinition::fromJson(json.value(QStringLiteral("report")).toObject());
        if (!parsed)
            return parsed.error();
        definition = parsed.value();
        from = QDateTime::fromString(json.value(QStringLiteral("from")).toString(), Qt::ISODate);
        to = QDateTime::fromString(json.value(QStringLiteral("to")).toString(), Qt::ISODate);
        zone = QTimeZone(json.value(QStringLiteral("time_zone")).toString().toLatin1());
        if (!zone.isValid())
            zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
        columns.clear();
        for (const QJsonValue& column : json.value(QStringLiteral("columns")).toArray()) {
            if (auto measure = ReportDefinition::measureFromKey(column[QStringLiteral("key")].toString()))
                columns.append(*measure);
        }
    } else if (type == QLatin1String("row")) {
        rows.append(
            ReportRow {json.value(QStringLiteral("key")).toString(), json.value(QStringLiteral("values")).toObject(),
                json.value(QStringLiteral("label")).toString(), json.value(QStringLiteral("label_en")).toString()});
    } else if (type == QLatin1String("total")) {
        total = ReportRow {QStringLiteral("total"), json.value(QStringLiteral("values")).toObject()};
        tickets = json.value(QStringLiteral("tickets")).toInt();
        complete = true;
    }
    return {};
}

} // namespace gongdan
