// The ticket rules decide alike wherever they run. One table of rule cases — create, patch, transition,
// comment and link, by an agent, a supervisor, an admin and field staff, over the team's field definitions
// — runs three ways against a real gongdan-server on both backends: on the acting user's workstation store
// (synced, engine stopped: TicketRepository with Desk::me), over REST as that user, and pushed as that
// user's sync device (the intents built by domain/TicketIntents, the shape the workstation queues). Each
// path starts from its own fresh ticket in the same state. All three accept or refuse alike, with the same
// error code and field, an accepted command leaves the same ticket on the fields that matter, and each path
// writes the same events on its ticket (actor, kind, field, values; ids and numbers as what they stand for).
// A merge's target lists its source on every path. Last, the workstation pushes what it queued, and the
// server must apply it and hold what the workstation showed.
#include "domain/JsonCodec.h"
#include "domain/TicketIntents.h"
#include "domain/TicketTransition.h"
#include "domain/Uuid.h"
#include "tests/support/ParityRows.h"
#include "tests/support/ParityTeam.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

QString compact(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)).chopped(1).mid(1);
}

QJsonObject object(const QByteArray& json)
{
    if (json.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("a row's JSON is not an object: %s", json.constData()); // a typo must not pass as "{}"
    return document.object();
}

/// What a path made of the command: accepted with the resulting ticket (JSON), or refused with an error.
struct Outcome {
    bool ran = true; ///< false: the path has no way to say this
    bool accepted = false;
    QString code;
    QString field;
    QString message;
    QJsonObject ticket;

    QString text() const
    {
        if (!ran)
            return QStringLiteral("-");
        return accepted ? QStringLiteral("accepted") : QStringLiteral("%1/%2 (%3)").arg(code, field, message);
    }
    static Outcome refusal(const Error& error) { return {true, false, error.code, error.field, error.message, {}}; }
};

/// The fields of a ticket every path must agree on; lifecycle times only as set or not.
QJsonObject view(const QJsonObject& ticket)
{
    QJsonObject shown;
    for (const char* key : {"status", "group_id", "assignee_id", "priority", "category_id", "customer_id",
             "custom_fields", "tags", "links", "merged_into", "created_by"})
        shown.insert(QLatin1String(key), ticket.value(QLatin1String(key)));
    for (const char* key : {"first_response_at", "accepted_at"})
        shown.insert(QLatin1String(key), !ticket.value(QLatin1String(key)).toString().isEmpty());
    return shown;
}

/// A create command's ticket as the workstation's form would fill it in.
Result<Ticket> draftOf(const QJsonObject& fields, const QString& id, const QDateTime& at)
{
    QJsonObject json = JsonCodec::toJson(Ticket {});
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("created_at"), at.toString(Qt::ISODateWithMs));
    for (auto it = fields.begin(); it != fields.end(); ++it)
        json.insert(it.key(), it.value());
    return JsonCodec::ticketFromJson(json);
}

CommentVisibility visibilityOf(const QJsonObject& args)
{
    return EnumText<CommentVisibility>::fromKey(args.value(QStringLiteral("visibility")).toString())
        .value_or(CommentVisibility::Public);
}

} // namespace

class TestRuleParity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void cleanupTestCase();

private:
    /// The backend's team, made on its first row (one server and one set of workstations for all rows).
    ParityTeam* team(const QString& backend);
    Outcome onStore(Desk& desk, const QString& op, const QJsonObject& args, const QString& id);
    Outcome overRest(HttpClient& http, const QString& op, const QJsonObject& args, const QString& id);
    Outcome overPush(
        SyncDevice& device, const QString& actorId, const QString& op, const QJsonObject& args, const QString& id);
    /// The events of a ticket as the server logged them (read as the admin): "actor|kind|field|old|new" each.
    QStringList serverEvents(const QString& ticketId);
    /// The same of the workstation's copy.
    static QStringList storeEvents(Desk& desk, const QString& ticketId);
    static QString summary(const Outcome& local, const Outcome& rest, const Outcome& pushed)
    {
        return QStringLiteral("store %1 | REST %2 | push %3").arg(local.text(), rest.text(), pushed.text());
    }

    std::unique_ptr<ParityTeam> m_team;
    QString m_openError;
    QElapsedTimer m_elapsed;
    SystemClock m_clock;
    UuidV7Generator m_ids {m_clock};
};

void TestRuleParity::rules_data()
{
    addParityRows();
}

ParityTeam* TestRuleParity::team(const QString& backend)
{
    if (m_team && m_team->backend() == backend)
        return m_team.get();
    cleanupTestCase();
    m_elapsed.start();
    m_team = std::make_unique<ParityTeam>(backend);
    m_openError.clear();
    if (m_team->skipReason().isEmpty() && !m_team->open(&m_openError) && m_openError.isEmpty())
        m_openError = QStringLiteral("the team did not open");
    return m_team.get();
}

void TestRuleParity::cleanupTestCase()
{
    if (m_team && m_team->skipReason().isEmpty())
        qInfo("%s: %lld ms", qPrintable(m_team->backend()), static_cast<long long>(m_elapsed.elapsed()));
    m_team.reset();
}

namespace {

QString eventLine(
    const QString& actor, const QString& kind, const QString& field, const QString& was, const QString& now)
{
    return QStringList {actor, kind, field, was, now}.join(QLatin1Char('|'));
}

/// An event's line with the ids that differ per path named by what they stand for: the path's own ticket
/// "@self", the row's symbols by their names, the acting user "@actor", a new number "<number>" and a
/// comment's id "<comment>".
QString normalized(
    const QString& line, const QString& self, const QString& actorId, const QHash<QString, QString>& symbols)
{
    QStringList parts = line.split(QLatin1Char('|'));
    if (parts.size() != 5)
        return line;
    if (parts.at(0) == actorId)
        parts[0] = QStringLiteral("@actor");
    if (parts.at(1) == QLatin1String("created"))
        parts[4] = QStringLiteral("<number>");
    if (parts.at(1) == QLatin1String("comment"))
        parts[4] = QStringLiteral("<comment>");
    // Each path's ticket was made at its own instant: a time it had (a due time from its creation) differs.
    if (QDateTime::fromString(parts.at(3), Qt::ISODateWithMs).isValid())
        parts[3] = QStringLiteral("<time>");
    for (int i = 3; i <= 4; ++i) {
        if (!self.isEmpty())
            parts[i].replace(self, QStringLiteral("@self"));
        for (auto it = symbols.begin(); it != symbols.end(); ++it)
            parts[i].replace(it.value(), it.key());
    }
    return parts.join(QLatin1Char('|'));
}

} // namespace

QStringList TestRuleParity::serverEvents(const QString& ticketId)
{
    QStringList lines;
    if (ticketId.isEmpty())
        return lines;
    const HttpResult listed
        = m_team->rest(QStringLiteral("admin")).get(QStringLiteral("/api/v1/tickets/%1/events").arg(ticketId));
    for (const QJsonValue& value : listed.body.value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = value.toObject();
        lines.append(eventLine(e.value(QStringLiteral("actor_id")).toString(),
            e.value(QStringLiteral("kind")).toString(), e.value(QStringLiteral("field")).toString(),
            e.value(QStringLiteral("old_value")).toString(), e.value(QStringLiteral("new_value")).toString()));
    }
    return lines;
}

QStringList TestRuleParity::storeEvents(Desk& desk, const QString& ticketId)
{
    QStringList lines;
    if (ticketId.isEmpty())
        return lines;
    for (const TicketEvent& e : desk.tickets->events(ticketId))
        lines.append(eventLine(e.actorId, e.kind, e.field, e.oldValue, e.newValue));
    return lines;
}

Outcome TestRuleParity::onStore(Desk& desk, const QString& op, const QJsonObject& args, const QString& id)
{
    TicketRepository& tickets = *desk.tickets;
    Result<Ticket> done = Error {};
    if (op == QLatin1String("create")) {
        const auto draft = draftOf(args, m_ids.next(), desk.clock.now());
        done = draft ? tickets.create(draft.value(), desk.me) : Result<Ticket>(draft.error());
    } else if (op == QLatin1String("patch")) {
        done = tickets.patch(id, args, desk.me);
    } else if (op == QLatin1String("transition")) {
        const auto request = transitionFromJson(args);
        done = request ? tickets.transition(id, request.value(), desk.me) : Result<Ticket>(request.error());
    } else if (op == QLatin1String("comment")) {
        const auto added
            = tickets.addComment(id, visibilityOf(args), args.value(QStringLiteral("body")).toString(), {}, desk.me);
        done = added ? Result<Ticket>(*tickets.find(id)) : Result<Ticket>(added.error());
    } else {
        done = tickets.link(id, args.value(QStringLiteral("target_id")).toString(), true, desk.me);
    }
    if (!done)
        return Outcome::refusal(done.error());
    Outcome outcome;
    outcome.accepted = true;
    outcome.ticket = JsonCodec::toJson(*tickets.find(done.value().id));
    return outcome;
}

Outcome TestRuleParity::overRest(HttpClient& http, const QString& op, const QJsonObject& args, const QString& id)
{
    const QString path = QStringLiteral("/api/v1/tickets/") + id;
    HttpResult answer;
    if (op == QLatin1String("create"))
        answer = http.post(QStringLiteral("/api/v1/tickets"), args);
    else if (op == QLatin1String("patch"))
        answer = http.patch(path, args);
    else if (op == QLatin1String("transition"))
        answer = http.post(path + QStringLiteral("/transitions"), args);
    else if (op == QLatin1String("comment"))
        answer = http.post(path + QStringLiteral("/comments"), args);
    else
        answer = http.post(path + QStringLiteral("/links"), args);
    Outcome outcome;
    if (answer.status >= 400 && answer.status < 500) {
        outcome.code = answer.code();
        outcome.field = answer.body.value(QStringLiteral("field")).toString();
        outcome.message = answer.body.value(QStringLiteral("message")).toString();
        return outcome;
    }
    if (answer.status != 200 && answer.status != 201) {
        outcome.code = QStringLiteral("http.%1").arg(answer.status);
        outcome.message = QString::fromUtf8(answer.raw);
        return outcome;
    }
    outcome.accepted = true;
    outcome.ticket = op == QLatin1String("comment") ? m_team->serverTicket(id)
                                                    : answer.body.value(QStringLiteral("ticket")).toObject();
    return outcome;
}

Outcome TestRuleParity::overPush(
    SyncDevice& device, const QString& actorId, const QString& op, const QJsonObject& args, const QString& id)
{
    const QDateTime now = m_clock.now();
    const QJsonObject before = id.isEmpty() ? QJsonObject() : m_team->serverTicket(id);
    QString entity = id;
    QJsonObject mutation;
    if (op == QLatin1String("create")) {
        const auto draft = draftOf(args, m_ids.next(), now);
        if (!draft)
            return Outcome::refusal(draft.error());
        entity = draft.value().id;
        mutation = device.mutation(intent::TicketCreate, entity, TicketIntents::create(draft.value(), actorId));
    } else if (op == QLatin1String("patch")) {
        QJsonObject base; // the values the editor saw, per field (TicketRepository::patch)
        for (auto it = args.begin(); it != args.end(); ++it) {
            if (it.key() != QLatin1String("custom_fields")) {
                base.insert(it.key(), before.value(it.key()));
                continue;
            }
            const QJsonObject custom = before.value(it.key()).toObject();
            for (const QString& key : it.value().toObject().keys())
                base.insert(QStringLiteral("custom_fields.") + key,
                    custom.contains(key) ? custom.value(key) : QJsonValue(QJsonValue::Null));
        }
        mutation = device.mutation(intent::TicketPatch, entity, TicketIntents::patch(args, base, actorId, now));
    } else if (op == QLatin1String("transition")) {
        const auto request = transitionFromJson(args);
        if (!request)
            return Outcome::refusal(request.error());
        const TicketStatus from = EnumText<TicketStatus>::fromKey(before.value(QStringLiteral("status")).toString())
                                      .value_or(TicketStatus::New);
        const auto to = Lifecycle::apply(from, request.value());
        mutation = device.mutation(intent::TicketTransition, entity,
            TicketIntents::transition(request.value(), actorId, now, from, to ? to.value() : from));
    } else if (op == QLatin1String("comment")) {
        const Comment comment {
            m_ids.next(), id, actorId, visibilityOf(args), args.value(QStringLiteral("body")).toString(), {}, now};
        mutation = device.mutation(intent::CommentAdd, entity, TicketIntents::comment(comment));
    } else {
        mutation = device.mutation(intent::TicketLink, entity,
            TicketIntents::link(args.value(QStringLiteral("target_id")).toString(), true, actorId, now));
    }
    const HttpResult pushed = device.push({mutation});
    const QJsonObject result = pushed.body.value(QStringLiteral("results")).toArray().at(0).toObject();
    Outcome outcome;
    if (pushed.status != 200 || result.isEmpty()) {
        outcome.code = QStringLiteral("http.%1").arg(pushed.status);
        outcome.message = QString::fromUtf8(pushed.raw);
        return outcome;
    }
    if (result.value(QStringLiteral("status")).toString() != QLatin1String("applied")) {
        const QJsonObject error = result.value(QStringLiteral("error")).toObject();
        outcome.code = error.value(QStringLiteral("code")).toString();
        outcome.field = error.value(QStringLiteral("field")).toString();
        outcome.message = error.value(QStringLiteral("message")).toString();
        return outcome;
    }
    outcome.accepted = true;
    outcome.ticket = m_team->serverTicket(entity);
    return outcome;
}

void TestRuleParity::rules()
{
    QFETCH(QString, backend);
    QFETCH(QString, who);
    QFETCH(QString, op);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, args);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QByteArray, expect);
    ParityTeam& t = *team(backend);
    if (!t.skipReason().isEmpty())
        QFAIL(qPrintable(t.skipReason()));
    QVERIFY2(m_openError.isEmpty(), qPrintable(m_openError));
    Desk& desk = t.desk(who);

    // The row's second ticket, shared by the paths; then each path's own ticket in the starting state:
    // the store's, REST's, the push's.
    QHash<QString, QString> symbols;
    QString error;
    if (!target.isEmpty()) {
        symbols.insert(QStringLiteral("@T"), t.makeTicket(object(target), {}, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QStringList own {QString(), QString(), QString()};
    if (op != QLatin1String("create")) {
        for (QString& id : own) {
            id = t.makeTicket(object(start), symbols, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }
    QVERIFY2(t.sync(who), qPrintable(desk.engine->lastError()));
    // In step: the workstation holds a ticket exactly when its user may see it.
    for (const QString& id : own + symbols.values()) {
        if (id.isEmpty())
            continue;
        const QJsonObject held = t.serverTicket(id);
        QCOMPARE(desk.ticketIds().contains(id),
            access::mayRead(desk.me, held.value(QStringLiteral("group_id")).toString(),
                held.value(QStringLiteral("assignee_id")).toString(),
                held.value(QStringLiteral("created_by")).toString()));
    }

    const auto command = [&](const QString& self) {
        QHash<QString, QString> withSelf = symbols;
        withSelf.insert(QStringLiteral("@self"), self);
        QJsonObject a = t.resolved(object(args), withSelf).toObject();
        if (op == QLatin1String("create") && !a.contains(QStringLiteral("subject")))
            a.insert(QStringLiteral("subject"), QStringLiteral("来电"));
        return a;
    };
    const qint64 queued = desk.outbox();
    const qsizetype storeBefore = storeEvents(desk, own.at(0)).size();
    const qsizetype restBefore = serverEvents(own.at(1)).size();
    const qsizetype pushBefore = serverEvents(own.at(2)).size();
    const Outcome local = onStore(desk, op, command(own.at(0)), own.at(0));
    QCOMPARE(desk.outbox(), queued + (local.accepted ? 1 : 0)); // a refusal queues nothing
    const Outcome rest = overRest(t.rest(who), op, command(own.at(1)), own.at(1));
    const Outcome pushed = overPush(t.device(who), desk.userId, op, command(own.at(2)), own.at(2));

    // The events each path wrote on its ticket: the same actor, kinds, fields and values.
    const auto idOf = [](const Outcome& outcome, const QString& ownId) {
        return ownId.isEmpty() ? outcome.ticket.value(QStringLiteral("id")).toString() : ownId;
    };
    const auto written = [&](const QString& self, const QStringList& all, qsizetype before) {
        QStringList lines;
        for (qsizetype i = before; i < all.size(); ++i)
            lines.append(normalized(all.at(i), self, desk.userId, symbols));
        return lines;
    };
    const QString storeId = idOf(local, own.at(0));
    const QString restId = idOf(rest, own.at(1));
    const QString pushId = idOf(pushed, own.at(2));
    const QStringList storeWrote = written(storeId, storeEvents(desk, storeId), storeBefore);
    const QStringList restWrote = written(restId, serverEvents(restId), restBefore);
    const QStringList pushWrote = written(pushId, serverEvents(pushId), pushBefore);
    QCOMPARE(restWrote, storeWrote);
    QCOMPARE(pushWrote, storeWrote);
    QVERIFY2(storeWrote.isEmpty() != local.accepted, qPrintable(storeWrote.join(QLatin1Char('\n'))));

    const QString summary = this->summary(local, rest, pushed);
    QJsonObject wanted = t.resolved(object(expect), symbols).toObject();
    for (const Outcome* outcome : {&local, &rest, &pushed}) {
        if (!outcome->ran)
            continue;
        QVERIFY2(outcome->accepted == code.isEmpty(), qPrintable(summary));
        if (!outcome->accepted) {
            QVERIFY2(outcome->code == code && outcome->field == field, qPrintable(summary));
            QVERIFY2(!outcome->message.isEmpty(), qPrintable(summary));
            continue;
        }
        const QJsonObject shown = view(outcome->ticket);
        QCOMPARE(compact(shown), compact(view(local.ticket)));
        for (auto it = wanted.begin(); it != wanted.end(); ++it)
            QCOMPARE(compact(shown.contains(it.key()) ? shown.value(it.key()) : outcome->ticket.value(it.key())),
                compact(it.value()));
    }
    if (local.accepted && op == QLatin1String("transition") && symbols.contains(QStringLiteral("@T"))
        && args.contains("\"merge\"")) {
        // The target lists each path's source, as the server holds it and as the workstation shows it.
        const QJsonArray sources
            = t.serverTicket(symbols.value(QStringLiteral("@T"))).value(QStringLiteral("merged_from")).toArray();
        QVERIFY2(sources.contains(own.at(1)) && sources.contains(own.at(2)), qPrintable(compact(sources)));
        QVERIFY(desk.tickets->find(symbols.value(QStringLiteral("@T")))->mergedFrom.contains(own.at(0)));
    }
    if (!local.accepted)
        return;
    // The workstation pushes what it queued: the server applies it and holds what the workstation showed.
    QVERIFY2(t.sync(who), qPrintable(desk.engine->lastError()));
    QCOMPARE(t.refused(who), QStringList());
    QCOMPARE(compact(view(t.serverTicket(local.ticket.value(QStringLiteral("id")).toString()))),
        compact(view(local.ticket)));
}

QTEST_GUILESS_MAIN(TestRuleParity)
#include "tst_ruleparity.moc"
