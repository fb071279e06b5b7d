#include "bench/DemoTickets.h"

#include "bench/DemoVocabulary.h"
#include "domain/Lifecycle.h"
#include "domain/TicketNumber.h"

namespace gongdan::demo {

namespace {

struct Picker {
    QRandomGenerator& random;
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

// Does a definition limited to `categoryIds` (and their descendants; empty: every category) apply here?
bool appliesTo(const FieldDefinition& definition, const QString& categoryId)
{
    if (definition.categoryIds.isEmpty())
        return true;
    return std::any_of(definition.categoryIds.begin(), definition.categoryIds.end(),
        [&](const QString& id) { return categoryId == id || categoryId.startsWith(id + QLatin1Char('.')); });
}

QString statusKey(TicketStatus status)
{
    return EnumText<TicketStatus>::key(status);
}

} // namespace

QList<Customer> demoCustomers(const SeedOptions& options)
{
    const Vocabulary& v = Vocabulary::instance();
    QRandomGenerator random(options.seed ^ 0x5EEDC057u);
    Picker pick {random};
    const QDateTime end = options.end.isValid() ? options.end : QDateTime::currentDateTime();
    ManualClock clock(end.toUTC().addDays(-400));
    UuidV7Generator ids(clock, &random);
    const qint64 count = std::max<qint64>(50, options.tickets / 10);
    QList<Customer> customers;
    customers.reserve(count);
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
        customers.append(c);
    }
    return customers;
}

DemoTicketMaker::DemoTicketMaker(const SeedOptions& options, QList<Customer> customers)
    : m_options(options)
    , m_customers(std::move(customers))
    , m_random(options.seed)
    , m_clock(QDateTime::currentDateTimeUtc())
    , m_ids(m_clock, &m_random)
{
    if (!m_options.end.isValid())
        m_options.end = QDateTime::currentDateTime();
    // UTC throughout: local-time QDateTime arithmetic asks the C library for the zone on every call.
    // Ticket numbers use the team's local day, from the offset at the end date (the demo ignores DST).
    m_offsetMs = 1000LL * m_options.end.offsetFromUtc();
    m_options.end = m_options.end.toUTC();
    m_start = m_options.end.addDays(-std::max(1, m_options.spanDays));
    m_spanMs = m_start.msecsTo(m_options.end);
    for (const DemoAgent& a : DemoTeam::instance().agents) {
        if (a.groupId.isEmpty())
            continue;
        m_members[a.groupId].append(&a);
        if (a.role == QLatin1String("supervisor") && !m_supervisors.contains(a.groupId))
            m_supervisors.insert(a.groupId, &a);
    }
}

QDateTime DemoTicketMaker::later(QDateTime& at)
{
    at = std::min(at.addSecs(300 + m_random.bounded(7200)), m_options.end);
    return at;
}

DemoTicket DemoTicketMaker::next()
{
    const Vocabulary& v = Vocabulary::instance();
    const DemoTeam& team = DemoTeam::instance();
    Picker pick {m_random};
    const qint64 total = m_options.tickets;
    const qint64 index = m_done++;
    const QDateTime created = m_start.addMSecs(total > 1 ? m_spanMs * index / (total - 1) : m_spanMs);
    m_clock.set(created);
    const Vocabulary::Topic& topic = v.topics.at(pick.below(static_cast<int>(v.topics.size())));
    const QString product = pick.from(v.products);
    const QString model = pick.from(v.models);
    const Customer& customer = m_customers.at(pick.below(static_cast<int>(m_customers.size())));
    const QString groupId = team.groupOfCategory.value(topic.categoryId);
    const auto& members = m_members[groupId];
    const DemoAgent* agent = members.at(pick.below(static_cast<int>(members.size())));
    const DemoAgent* supervisor = m_supervisors.value(groupId, agent);

    DemoTicket made;
    Ticket& t = made.ticket;
    t.id = m_ids.next();
    made.day = QDate::fromJulianDay(2440588 + (created.toMSecsSinceEpoch() + m_offsetMs) / 86400000);
    made.sequence = ++m_perDay[made.day];
    // Only the day still being numbered is kept (tickets come in time order).
    m_perDay.removeIf([&made](auto it) { return it.key() < made.day; });
    t.number = TicketNumber::format(made.day, made.sequence);
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
    if (t.status == TicketStatus::Merged && !m_lastOfGroup.contains(groupId))
        t.status = TicketStatus::Spam; // nothing earlier in its group to be a duplicate of
    t.groupId = groupId;
    t.customerId = customer.id;
    t.contactName = customer.name;
    t.contactPhone = customer.phones.value(0);
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
    if (t.callStartedAt.isValid()) { // the answered call was the first response (TicketRules::create)
        t.firstResponseAt = created;
        t.responseDueAt = QDateTime();
    }

    // Who: a ticket past "new" was accepted by a member of its group, who now has it. Whoever logged it may
    // see it: field staff only what is theirs, so a ticket nobody has is logged by the group's supervisor.
    const bool assigned = t.status != TicketStatus::New && t.status != TicketStatus::Spam;
    if (assigned && Lifecycle::isOpen(t.status)) // open work is shared out in turn: everyone has some to do
        agent = members.at(m_openTurn[groupId]++ % members.size());
    const DemoAgent* creator = !assigned && agent->role == QLatin1String("field") ? supervisor : agent;
    const DemoAgent* worker = assigned ? agent : creator;
    t.createdBy = creator->id;
    QDateTime at = created;
    QList<TicketEvent>& events = made.events;
    events.append({0, QString(), creator->id, created, QStringLiteral("created"), {}, {}, t.number});
    if (assigned) {
        t.assigneeId = agent->id;
        t.acceptedAt = later(at);
        events.append({0, QString(), agent->id, at, QStringLiteral("status"), QStringLiteral("accept"),
            statusKey(TicketStatus::New), statusKey(TicketStatus::InProgress)});
    }
    // A ticket nobody has taken holds at most an internal note: its first response is still to come.
    const int commentCount = assigned ? 2 + pick.below(3) : pick.below(2);
    for (int c = 0; c < commentCount; ++c) {
        const bool internal = !assigned || pick.chance(35);
        m_clock.set(later(at));
        made.comments.append(
            {m_ids.next(), t.id, worker->id, internal ? CommentVisibility::Internal : CommentVisibility::Public,
                internal ? pick.from(v.notes) : pick.from(v.replies), {}, at});
        if (!internal && !t.firstResponseAt.isValid()) {
            t.firstResponseAt = at;
            t.responseDueAt = QDateTime(); // answered: the reply clock ends (TicketRules::addComment)
        }
        events.append({0, QString(), worker->id, at, QStringLiteral("comment"),
            internal ? QStringLiteral("internal") : QStringLiteral("public"), {}, made.comments.last().id});
    }
    const TicketStatus working = TicketStatus::InProgress;
    if (t.status == TicketStatus::Closed || t.status == TicketStatus::WaitingCustomer
        || t.status == TicketStatus::FollowUp) {
        if (t.status == TicketStatus::Closed) {
            // Fields required to close (the refund amount) are filled in first, by someone who may edit them.
            for (const FieldDefinition& f : team.fields) {
                if (!f.requiredToClose || !appliesTo(f, t.categoryId) || t.customFields.contains(f.key))
                    continue;
                const QString amount
                    = QStringLiteral("%1.%2").arg(pick.below(2000)).arg(pick.below(100), 2, 10, QLatin1Char('0'));
                t.customFields.insert(f.key, amount);
                const DemoAgent* editor
                    = f.editRoles.isEmpty() || f.editRoles.contains(agent->role) ? agent : supervisor;
                events.append({0, QString(), editor->id, later(at), QStringLiteral("field"),
                    QStringLiteral("custom_fields.") + f.key, QString(), amount});
            }
        }
        t.resolution = pick.from(v.replies);
        t.resolvedAt = later(at);
        if (t.status == TicketStatus::Closed)
            t.closedAt = at;
        events.append({0, QString(), agent->id, at, QStringLiteral("status"),
            t.status == TicketStatus::WaitingCustomer ? QStringLiteral("request_confirmation")
                                                      : QStringLiteral("close"),
            statusKey(working), statusKey(t.status)});
        if (t.status == TicketStatus::Closed) {
            // Four customers in ten give a score on the closing call (满意度), mostly good; from the ticket's id, so
            // the random sequence, and with it every other demo ticket, stays as it was.
            const int roll = static_cast<int>(qHash(t.id) % 10);
            if (roll >= 6) {
                t.satisfaction = roll == 6 ? 3 : roll == 7 ? 4 : 5;
                t.ratedAt = at;
                events.append({0, QString(), agent->id, at, QStringLiteral("field"), QStringLiteral("satisfaction"),
                    QString(), QString::number(t.satisfaction)});
            }
        }
    } else if (t.status == TicketStatus::Spam) {
        events.append({0, QString(), creator->id, later(at), QStringLiteral("status"), QStringLiteral("mark_spam"),
            statusKey(TicketStatus::New), statusKey(t.status)});
    } else if (t.status == TicketStatus::Merged) {
        t.mergedInto = m_lastOfGroup.value(groupId); // one the merging member may see
        events.append({0, QString(), agent->id, later(at), QStringLiteral("status"), QStringLiteral("merge"),
            statusKey(working), statusKey(t.status)});
    }
    t.updatedAt = at;
    t.version = static_cast<int>(events.size());
    m_lastOfGroup.insert(groupId, t.id);
    return made;
}

} // namespace gongdan::demo
