#include "DemoSeeder.h"

#include "BulkLoad.h"
#include "CustomerRepository.h"
#include "DemoTeam.h"
#include "DemoVocabulary.h"
#include "FieldDefinitionRepository.h"
#include "TicketNumber.h"
#include "TicketRows.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace gongdan::demo {

namespace {

struct Picker {
    QRandomGenerator random;
    explicit Picker(quint32 seed) : random(seed) { }
    int below(int n) { return static_cast<int>(random.bounded(n)); }
    bool chance(int percent) { return below(100) < percent; }
    const QString& from(const QStringList& list) { return list.at(below(static_cast<int>(list.size()))); }
    QString digits(int n)
    {
        QString text;
        for (int i = 0; i < n; ++i)
            text.append(QLatin1Char(static_cast<char>('0' + below(10))));
        return text;
    }
};

// Fills the optional %1 (product) and %2 (model) slots of a template; most templates have neither.
QString fill(const QString& text, const QString& product, const QString& model)
{
    if (!text.contains(QLatin1Char('%')))
        return text;
    return QString(text).replace(QLatin1String("%1"), product).replace(QLatin1String("%2"), model);
}

// Recent tickets are spread over the whole lifecycle; older ones are mostly finished, as in a real queue.
TicketStatus pickStatus(Picker& p, qint64 ageDays)
{
    if (ageDays > 10) {
        const int fine = p.below(1000);
        return fine < 920 ? TicketStatus::Closed
            : fine < 960  ? TicketStatus::Spam
            : fine < 995  ? TicketStatus::Merged
            : fine < 998  ? TicketStatus::FollowUp
                          : TicketStatus::WaitingCustomer;
    }
    const int roll = p.below(100);
    return roll < 55 ? TicketStatus::Closed
        : roll < 70  ? TicketStatus::InProgress
        : roll < 79  ? TicketStatus::New
        : roll < 87  ? TicketStatus::WaitingCustomer
        : roll < 94  ? TicketStatus::FollowUp
        : roll < 98  ? TicketStatus::Spam
                     : TicketStatus::Merged;
}

} // namespace

DemoSeeder::DemoSeeder(Database& db, SeedOptions options) : m_db(db), m_options(std::move(options))
{
    if (!m_options.end.isValid())
        m_options.end = QDateTime::currentDateTime();
}

Result<SeedReport> DemoSeeder::run(const std::function<void(qint64)>& progress)
{
    SeedReport report;
    BulkLoad bulk(m_db);
    if (!bulk.started())
        return bulk.started().error();
    if (Status s = seedTeam(report); !s)
        return s.error();
    if (Status s = seedCustomers(report); !s)
        return s.error();
    if (Status s = seedTickets(report, progress); !s)
        return s.error();
    if (Status s = bulk.finish(); !s)
        return s.error();
    return report;
}

Status DemoSeeder::seedTeam(SeedReport& report)
{
    const DemoTeam& team = DemoTeam::instance();
    SqlTransaction transaction(m_db);
    for (const DemoGroup& g : team.groups) {
        QSqlQuery& q
            = m_db.prepared(QStringLiteral("INSERT OR REPLACE INTO team_group(id, name_zh, name_en) VALUES (?,?,?)"));
        q.addBindValue(g.id);
        q.addBindValue(g.nameZh);
        q.addBindValue(g.nameEn);
        const bool ok = q.exec();
        q.finish();
        if (!ok)
            return Database::errorOf(q);
    }
    for (const DemoAgent& a : team.agents) {
        QSqlQuery& q = m_db.prepared(QStringLiteral(
            "INSERT OR REPLACE INTO agent(id, login, name, role, group_id, groups) VALUES (?,?,?,?,?,?)"));
        q.addBindValue(a.id);
        q.addBindValue(a.login);
        q.addBindValue(a.name);
        q.addBindValue(a.role);
        q.addBindValue(a.groupId.isEmpty() ? QVariant() : QVariant(a.groupId));
        q.addBindValue(a.groupId.isEmpty() ? QStringLiteral("[]") : QStringLiteral("[\"%1\"]").arg(a.groupId));
        const bool ok = q.exec();
        q.finish();
        if (!ok)
            return Database::errorOf(q);
    }
    FieldDefinitionRepository fields(m_db);
    for (const Category& c : team.categories) {
        if (Status s = fields.writeCategory(c); !s)
            return s;
    }
    for (const FieldDefinition& f : team.fields) {
        if (Status s = checkFieldDefinition(f); !s)
            return s;
        if (Status s = fields.write(f); !s)
            return s;
        ++report.fieldDefinitions;
    }
    return transaction.commit();
}

Status DemoSeeder::seedCustomers(SeedReport& report)
{
    const Vocabulary& v = Vocabulary::instance();
    Picker pick(m_options.seed ^ 0x5EEDC057u);
    ManualClock clock(m_options.end.toUTC().addDays(-400));
    UuidV7Generator ids(clock, &pick.random);
    CustomerRepository customers(m_db);
    const qint64 count = std::max<qint64>(50, m_options.tickets / 10);
    SqlTransaction transaction(m_db);
    for (qint64 i = 0; i < count; ++i) {
        Customer c;
        c.id = ids.next();
        c.number = QStringLiteral("C%1").arg(i + 1, 7, 10, QLatin1Char('0'));
        c.name = pick.from(v.surnames) + pick.from(v.givenNames);
        c.phones = {QLatin1Char('1') + QString::number(3 + pick.below(7)) + pick.digits(9)};
        if (pick.chance(15))
            c.phones.append(QStringLiteral("0%1-%2").arg(10 + pick.below(90)).arg(pick.digits(8)));
        const int level = pick.below(100);
        c.level = level < 8 ? CustomerLevel::Vip : level < 35 ? CustomerLevel::Member : CustomerLevel::Normal;
        c.region = pick.from(v.regions);
        if (pick.chance(30))
            c.tags = {pick.chance(50) ? QString::fromUtf8("老客户") : QString::fromUtf8("新客户")};
        c.createdAt = c.updatedAt = clock.now();
        clock.advanceSeconds(60);
        if (auto written = customers.write(c); !written)
            return written.error();
        m_customers.append({c.id, c.phones.first()});
        m_customerNames.append(c.name);
    }
    report.customers = count;
    return transaction.commit();
}

Status DemoSeeder::seedTickets(SeedReport& report, const std::function<void(qint64)>& progress)
{
    const Vocabulary& v = Vocabulary::instance();
    const DemoTeam& team = DemoTeam::instance();
    Picker pick(m_options.seed);
    const qint64 total = m_options.tickets;
    // UTC throughout: local-time QDateTime arithmetic asks the C library for the zone on every call.
    // Ticket numbers use the team's local day, from the offset at the end date (the demo ignores DST).
    const qint64 offsetMs = 1000LL * m_options.end.offsetFromUtc();
    const QDateTime start = m_options.end.toUTC().addDays(-std::max(1, m_options.spanDays));
    const qint64 spanMs = start.msecsTo(m_options.end);
    ManualClock clock(start);
    UuidV7Generator ids(clock, &pick.random);
    TicketRowWriter writer(m_db);
    QHash<QString, QList<const DemoAgent*>> agentsOfGroup;
    for (const DemoAgent& a : team.agents)
        agentsOfGroup[a.groupId].append(&a);
    QHash<QDate, int> perDay;
    QDate lastDay;
    QString previousId;

    for (qint64 done = 0; done < total;) {
        SqlTransaction transaction(m_db);
        if (!transaction.started())
            return transaction.started();
        const qint64 batchEnd = std::min(total, done + std::max(1, m_options.batchSize));
        for (; done < batchEnd; ++done) {
            const QDateTime created = start.addMSecs(total > 1 ? spanMs * done / (total - 1) : spanMs);
            clock.set(created);
            const Vocabulary::Topic& topic = v.topics.at(pick.below(static_cast<int>(v.topics.size())));
            const QString product = pick.from(v.products);
            const QString model = pick.from(v.models);
            const int customerIndex = pick.below(static_cast<int>(m_customers.size()));
            const QString groupId = team.groupOfCategory.value(topic.categoryId);
            const auto& agents = agentsOfGroup[groupId];
            const DemoAgent* agent = agents.at(pick.below(static_cast<int>(agents.size())));

            Ticket t;
            t.id = ids.next();
            const QDate day = QDate::fromJulianDay(2440588 + (created.toMSecsSinceEpoch() + offsetMs) / 86400000);
            lastDay = day;
            t.number = TicketNumber::format(day, ++perDay[day]);
            t.subject = fill(pick.from(topic.subjects), product, model);
            QStringList sentences;
            for (int s = 0, n = 2 + pick.below(2); s < n; ++s)
                sentences.append(fill(pick.from(topic.descriptions), product, model));
            t.description = sentences.join(QString());
            t.needType = topic.categoryId.startsWith(QLatin1String("complaint"))   ? NeedType::Complaint
                : topic.categoryId.startsWith(QLatin1String("after-sales.repair")) ? NeedType::Repair
                : topic.categoryId.startsWith(QLatin1String("suggestion"))         ? NeedType::Suggestion
                                                                                   : NeedType::Consultation;
            const int channel = pick.below(100);
            t.channel = channel < 55 ? Channel::Phone
                : channel < 70       ? Channel::WeChat
                : channel < 82       ? Channel::WebForm
                : channel < 92       ? Channel::Email
                                     : Channel::App;
            t.categoryId = topic.categoryId;
            const int urgency = pick.below(100);
            t.priority = urgency < 75 ? Priority::Normal : urgency < 93 ? Priority::Urgent : Priority::Critical;
            t.status = pickStatus(pick, created.daysTo(m_options.end));
            t.groupId = groupId;
            t.customerId = m_customers.at(customerIndex).first;
            t.contactName = m_customerNames.at(customerIndex);
            t.contactPhone = m_customers.at(customerIndex).second;
            if (pick.chance(20))
                t.tags = {t.priority == Priority::Normal ? QString::fromUtf8("回访") : QString::fromUtf8("加急")};
            if (pick.chance(30))
                t.customFields.insert(QStringLiteral("order_no"), QString(QStringLiteral("DD") + pick.digits(12)));
            if (t.channel == Channel::Phone) {
                t.callStartedAt = created.addSecs(-60 - pick.below(600));
                t.callSeconds = 30 + pick.below(600);
            }
            const PriorityTraits traits = priorityTraits(t.priority);
            t.createdAt = created;
            t.responseDueAt = created.addSecs(3600LL * traits.responseHours);
            t.resolutionDueAt = created.addSecs(3600LL * traits.resolutionHours);
            QDateTime at = created;
            const auto later = [&]() { return at = at.addSecs(300 + pick.below(7200)); };
            QList<TicketEvent> events {{0, QString(), agent->id, created, QStringLiteral("created"), {}, {}, t.number}};
            if (t.status != TicketStatus::New && t.status != TicketStatus::Spam) {
                t.assigneeId = agent->id;
                t.acceptedAt = later();
                events.append({0, QString(), agent->id, at, QStringLiteral("status"), QStringLiteral("accept"),
                    QStringLiteral("new"), QStringLiteral("in_progress")});
            }
            QList<Comment> comments;
            const int commentCount = t.status == TicketStatus::New ? pick.below(2) : 2 + pick.below(3);
            for (int c = 0; c < commentCount; ++c) {
                const bool internal = pick.chance(35);
                clock.set(later());
                comments.append(
                    {ids.next(), t.id, agent->id, internal ? CommentVisibility::Internal : CommentVisibility::Public,
                        internal ? pick.from(v.notes) : pick.from(v.replies), {}, at});
                if (!internal && !t.firstResponseAt.isValid())
                    t.firstResponseAt = at;
                events.append({0, QString(), agent->id, at, QStringLiteral("comment"),
                    internal ? QStringLiteral("internal") : QStringLiteral("public"), {}, comments.last().id});
            }
            if (t.status == TicketStatus::Closed || t.status == TicketStatus::WaitingCustomer
                || t.status == TicketStatus::FollowUp) {
                t.resolution = pick.from(v.replies);
                t.resolvedAt = later();
                if (t.status == TicketStatus::Closed)
                    t.closedAt = at;
                events.append({0, QString(), agent->id, at, QStringLiteral("status"),
                    t.status == TicketStatus::WaitingCustomer ? QStringLiteral("request_confirmation")
                                                              : QStringLiteral("close"),
                    QStringLiteral("in_progress"), EnumText<TicketStatus>::key(t.status)});
            } else if (t.status == TicketStatus::Spam || t.status == TicketStatus::Merged) {
                if (t.status == TicketStatus::Merged)
                    t.mergedInto = previousId;
                events.append({0, QString(), agent->id, later(), QStringLiteral("status"),
                    t.status == TicketStatus::Spam ? QStringLiteral("mark_spam") : QStringLiteral("merge"),
                    QStringLiteral("new"), EnumText<TicketStatus>::key(t.status)});
            }
            t.updatedAt = at;
            t.version = static_cast<int>(events.size());
            auto rowid = writer.insertTicket(t);
            if (!rowid)
                return rowid.error();
            for (const Comment& c : comments) {
                if (auto inserted = writer.insertComment(rowid.value(), c); !inserted)
                    return inserted.error();
            }
            for (const TicketEvent& e : events) {
                if (Status s = writer.insertEvent(rowid.value(), e); !s)
                    return s;
            }
            report.comments += comments.size();
            report.events += events.size();
            previousId = t.id;
        }
        for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
            QSqlQuery& q = m_db.prepared(QStringLiteral("INSERT INTO number_counter(day, last) VALUES (?, ?) ON "
                                                        "CONFLICT(day) DO UPDATE SET last = max(last, excluded.last)"));
            q.addBindValue(it.key().toString(QStringLiteral("yyyyMMdd")));
            q.addBindValue(it.value());
            const bool ok = q.exec();
            q.finish();
            if (!ok)
                return Database::errorOf(q);
        }
        // Keep only the day still being numbered (the clock runs ahead with comment times; the day does not).
        perDay.removeIf([&](auto it) { return it.key() < lastDay; });
        if (Status s = transaction.commit(); !s)
            return s;
        report.tickets = done;
        if (progress)
            progress(done);
    }
    return {};
}

} // namespace gongdan::demo
