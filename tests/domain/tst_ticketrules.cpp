#include "domain/JsonCodec.h"
#include "domain/TicketRules.h"
#include "domain/TicketTransition.h"
#include "tests/support/FakeTicketWorld.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QDateTime kNow(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC);

QString uuid(int n)
{
    return QStringLiteral("018f0000-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

FieldDefinition field(const char* key, FieldType type)
{
    FieldDefinition d;
    d.key = QLatin1String(key);
    d.type = type;
    d.labelZh = d.labelEn = QLatin1String(key);
    return d;
}

Ticket ticket(int n, const char* group, const char* assignee, TicketStatus status, const char* creator = "boss")
{
    Ticket t;
    t.id = uuid(n);
    t.number = QStringLiteral("G20261201%1").arg(n, 3, 10, QLatin1Char('0'));
    t.subject = QStringLiteral("工单 %1").arg(n);
    t.groupId = QLatin1String(group);
    t.assigneeId = QLatin1String(assignee);
    t.status = status;
    t.createdBy = QLatin1String(creator);
    t.createdAt = t.updatedAt = kNow.addDays(-1);
    t.version = 3;
    TicketRules::setDueTimes(t);
    return t;
}

/// The team every row runs in: groups service, finance and a switched-off one; li (agent, service), zhang
/// (agent, finance), boss (supervisor, service), admin, wang (field staff, service), gone (switched off);
/// the customer c1; categories repair (→ finance) under after-sales, usage under consult (→ service), an
/// inactive one; fields refund (supervisors and admins, required to close), model (x1 | x2), serial
/// (required).
FakeTicketWorld world()
{
    FakeTicketWorld w;
    w.groups = {{QStringLiteral("service"), {QStringLiteral("service"), true}},
        {QStringLiteral("finance"), {QStringLiteral("finance"), true}},
        {QStringLiteral("old"), {QStringLiteral("old"), false}}};
    const auto user = [&w](const char* id, Role role, QStringList groups, bool active = true) {
        w.users.insert(QLatin1String(id), UserFacts {QLatin1String(id), role, active, groups});
    };
    user("li", Role::Agent, {QStringLiteral("service")});
    user("zhang", Role::Agent, {QStringLiteral("finance")});
    user("boss", Role::Supervisor, {QStringLiteral("service")});
    user("admin", Role::Admin, {});
    user("wang", Role::Field, {QStringLiteral("service")});
    user("gone", Role::Agent, {QStringLiteral("service")}, false);
    w.customers = {QStringLiteral("c1")};
    w.tree = CategoryTree::build(
        {{QStringLiteral("after-sales"), {}, QStringLiteral("售后"), {}, 0, true, {}},
            {QStringLiteral("repair"), QStringLiteral("after-sales"), QStringLiteral("维修"), {}, 0, true,
                QStringLiteral("finance")},
            {QStringLiteral("consult"), {}, QStringLiteral("咨询"), {}, 1, true, QStringLiteral("service")},
            {QStringLiteral("usage"), QStringLiteral("consult"), QStringLiteral("使用"), {}, 0, true, {}},
            {QStringLiteral("retired"), {}, QStringLiteral("停用"), {}, 2, false, {}}})
                 .value();
    FieldDefinition refund = field("refund", FieldType::Decimal);
    refund.editRoles = {QStringLiteral("supervisor"), QStringLiteral("admin")};
    refund.requiredToClose = true;
    FieldDefinition model = field("model", FieldType::SingleSelect);
    model.options = {{QStringLiteral("x1"), QStringLiteral("X1"), QStringLiteral("X1"), true, {}},
        {QStringLiteral("x2"), QStringLiteral("X2"), QStringLiteral("X2"), true, {}}};
    FieldDefinition serial = field("serial", FieldType::Text);
    serial.required = true;
    serial.categoryIds = {QStringLiteral("repair")};
    w.fields = {refund, model, serial};
    for (const Ticket& t : {ticket(1, "service", "", TicketStatus::New),
             ticket(2, "service", "li", TicketStatus::InProgress), ticket(3, "service", "li", TicketStatus::Closed),
             ticket(4, "finance", "", TicketStatus::New), ticket(5, "service", "wang", TicketStatus::InProgress),
             ticket(6, "finance", "", TicketStatus::New, "li"), ticket(7, "service", "", TicketStatus::Merged)})
        w.tickets.insert(t.id, t);
    w.aliases.insert(QStringLiteral("K7Q-0001"), uuid(2));
    return w;
}

Principal actor(const QString& id)
{
    const UserFacts facts = world().users.value(id);
    return Principal {id, facts.role, facts.groupIds};
}

} // namespace

class TestTicketRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void lifecycleTimesComeFromTheRulesAlone();
    void acceptMakesTheAccepterTheAssignee();
    void linkIsRecordedOnBothTickets();
    void mergeMovesTheConversation_data();
    void mergeMovesTheConversation();
    void priorityMovesTheDueTimesFromTheCreationTime();
    void aTransferNoteIsAnInternalNoteForTheReceivers();
};

void TestTicketRules::rules_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("on"); ///< the ticket (1…7); 0 for a create
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<QString>("code"); ///< empty: accepted
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("expect"); ///< fields of the resulting ticket

    const auto row = [](const char* name, const char* who, const char* op, int on, const char* args, const char* code,
                         const char* field, const char* expect = "{}") {
        QTest::newRow(name) << QString::fromLatin1(who) << QString::fromLatin1(op) << on << QByteArray(args)
                            << QString::fromLatin1(code) << QString::fromLatin1(field) << QByteArray(expect);
    };
    // create: where it goes, who has it, what it refers to.
    row("create: no group takes the creator's", "li", "create", 0, R"({"subject":"来电"})", "", "",
        R"({"group_id":"service","created_by":"li","status":"new"})");
    row("create: no group takes the category's", "li", "create", 0, R"({"subject":"来电","category_id":"repair",
        "custom_fields":{"serial":"SN1"}})",
        "", "", R"({"group_id":"finance"})");
    row("create: a parent category's group", "zhang", "create", 0, R"({"subject":"来电","category_id":"usage"})", "",
        "", R"({"group_id":"service"})");
    row("create: chosen group wins", "li", "create", 0, R"({"subject":"来电","group_id":"finance"})", "", "",
        R"({"group_id":"finance"})");
    row("create: unknown group", "li", "create", 0, R"({"subject":"来电","group_id":"nowhere"})",
        "ticket.unknown_group", "group_id");
    row("create: inactive group", "li", "create", 0, R"({"subject":"来电","group_id":"old"})", "ticket.unknown_group",
        "group_id");
    row("create: no subject", "li", "create", 0, R"({"subject":"  "})", "ticket.subject_required", "subject");
    row("create: id not a UUID", "li", "create", 0, R"({"subject":"来电","id":"G20261201001"})", "ticket.bad_id", "id");
    row("create: id of an existing ticket", "li", "create", 0,
        R"({"subject":"来电","id":"018f0000-0000-7000-8000-000000000001"})", "ticket.exists", "id");
    row("create: reference of another ticket", "li", "create", 0, R"({"subject":"来电","number":"G20261201002"})",
        "ticket.reference_taken", "number");
    row("create: alias of another ticket", "li", "create", 0, R"({"subject":"来电","number":"K7Q-0001"})",
        "ticket.reference_taken", "number");
    row("create: a reference that is not one", "li", "create", 0, R"({"subject":"来电","number":"hello"})",
        "ticket.reference_invalid", "number");
    row("create: a provisional reference", "li", "create", 0, R"({"subject":"来电","number":"K7Q-0009"})", "", "",
        R"({"number":"K7Q-0009"})");
    row("create: assignee of the group", "boss", "create", 0, R"({"subject":"来电","assignee_id":"li"})", "", "",
        R"({"assignee_id":"li","group_id":"service"})");
    row("create: assignee outside the group", "li", "create", 0,
        R"({"subject":"来电","group_id":"finance","assignee_id":"li"})", "ticket.assignee_not_in_group", "assignee_id");
    row("create: unknown assignee", "li", "create", 0, R"({"subject":"来电","assignee_id":"nobody"})",
        "ticket.unknown_assignee", "assignee_id");
    row("create: switched-off assignee", "li", "create", 0, R"({"subject":"来电","assignee_id":"gone"})",
        "ticket.unknown_assignee", "assignee_id");
    row("create: field staff get it", "wang", "create", 0, R"({"subject":"上门"})", "", "",
        R"({"assignee_id":"wang","group_id":"service"})");
    row("create: field staff for someone else", "wang", "create", 0, R"({"subject":"上门","assignee_id":"li"})",
        "access.field_assign_self", "assignee_id");
    row("create: unknown customer", "li", "create", 0, R"({"subject":"来电","customer_id":"c9"})",
        "ticket.unknown_customer", "customer_id");
    row("create: known customer", "li", "create", 0, R"({"subject":"来电","customer_id":"c1"})", "", "",
        R"({"customer_id":"c1"})");
    row("create: inactive category", "li", "create", 0, R"({"subject":"来电","category_id":"retired"})",
        "ticket.unknown_category", "category_id");
    row("create: required field missing", "li", "create", 0, R"({"subject":"来电","category_id":"repair"})",
        "ticket.fields_invalid", "serial");
    row("create: option not offered", "li", "create", 0, R"({"subject":"来电","custom_fields":{"model":"x9"}})",
        "ticket.fields_invalid", "model");
    row("create: unknown custom field", "li", "create", 0, R"({"subject":"来电","custom_fields":{"colour":"red"}})",
        "ticket.fields_invalid", "colour");
    row("create: a field the role may not set", "li", "create", 0,
        R"({"subject":"来电","custom_fields":{"refund":"10.00"}})", "field.read_only", "refund");
    row("create: a field the supervisor may set", "boss", "create", 0,
        R"({"subject":"来电","custom_fields":{"refund":"10.00"}})", "", "", R"({"custom_fields":{"refund":"10.00"}})");
    row("create: a call of a day and more", "li", "create", 0,
        R"({"subject":"来电","call_started_at":"2026-12-05T08:00:00.000Z","call_seconds":90000})", "ticket.bad_call",
        "call_seconds");
    // patch
    row("patch: subject", "li", "patch", 2, R"({"subject":"新标题"})", "", "", R"({"subject":"新标题","version":4})");
    row("patch: another group's ticket", "li", "patch", 4, R"({"subject":"x"})", "ticket.not_found", "id");
    row("patch: the creator still may", "li", "patch", 6, R"({"subject":"x"})", "", "", R"({"subject":"x"})");
    row("patch: a closed ticket", "li", "patch", 3, R"({"subject":"x"})", "ticket.closed", "status");
    row("patch: status", "li", "patch", 2, R"({"status":"closed"})", "patch.unknown_field", "status");
    row("patch: assignee outside the group", "boss", "patch", 1, R"({"assignee_id":"zhang"})",
        "ticket.assignee_not_in_group", "assignee_id");
    row("patch: group and assignee together", "boss", "patch", 1, R"({"group_id":"finance","assignee_id":"zhang"})", "",
        "", R"({"group_id":"finance","assignee_id":"zhang"})");
    row("patch: a new group drops an assignee outside it", "boss", "patch", 2, R"({"group_id":"finance"})", "", "",
        R"({"group_id":"finance","assignee_id":""})");
    row("patch: field staff reassign", "wang", "patch", 5, R"({"assignee_id":"li"})", "access.field_reassign",
        "assignee_id");
    row("patch: due times by an agent", "li", "patch", 2, R"({"resolution_due_at":"2026-12-31T00:00:00.000Z"})",
        "access.due_times", "resolution_due_at");
    row("patch: due times by a supervisor", "boss", "patch", 2, R"({"resolution_due_at":"2026-12-31T00:00:00.000Z"})",
        "", "", R"({"resolution_due_at":"2026-12-31T00:00:00.000Z"})");
    row("patch: unknown customer", "li", "patch", 2, R"({"customer_id":"c9"})", "ticket.unknown_customer",
        "customer_id");
    row("patch: a read-only field", "li", "patch", 2, R"({"custom_fields":{"refund":"5.00"}})", "field.read_only",
        "refund");
    row("patch: a wrong option", "li", "patch", 2, R"({"custom_fields":{"model":"x3"}})", "ticket.fields_invalid",
        "model");
    row("patch: wrong type", "li", "patch", 2, R"({"tags":"VIP"})", "patch.type", "tags");
    // transition
    row("accept: the accepter takes it", "li", "transition", 1, R"({"action":"accept"})", "", "",
        R"({"status":"in_progress","assignee_id":"li"})");
    row("accept: not a member of its group", "boss", "transition", 4, R"({"action":"accept"})",
        "transition.not_in_group", "status");
    row("accept: not in their scope", "li", "transition", 4, R"({"action":"accept"})", "ticket.not_found", "id");
    row("transfer: needs a note", "li", "transition", 2, R"({"action":"transfer","target_group":"finance"})",
        "transition.note_required", "note");
    row("transfer: to an inactive group", "li", "transition", 2,
        R"({"action":"transfer","target_group":"old","note":"转"})", "transition.unknown_group", "target_group");
    row("transfer: without its note's id", "li", "transition", 2,
        R"({"action":"transfer","target_group":"finance","note":"转"})", "transition.bad_args", "note_id");
    row("transfer: to finance", "li", "transition", 2,
        R"({"action":"transfer","target_group":"finance","note":"转","note_id":"018f0000-0000-7000-8000-000000000999"})",
        "", "", R"({"status":"new","group_id":"finance","assignee_id":""})");
    row("close: needs the refund first", "li", "transition", 2,
        R"({"action":"close","resolution":"好","answer":"satisfied"})", "ticket.fields_invalid", "refund");
    row("close: illegal from new", "li", "transition", 1,
        R"({"action":"close","resolution":"好","answer":"satisfied"})", "transition.illegal", "status");
    row("merge: into itself", "li", "transition", 2,
        R"({"action":"merge","merge_target":"018f0000-0000-7000-8000-000000000002"})", "transition.merge_target",
        "merge_target");
    row("merge: into a closed ticket", "li", "transition", 2,
        R"({"action":"merge","merge_target":"018f0000-0000-7000-8000-000000000003"})", "transition.merge_target",
        "merge_target");
    row("merge: into one out of sight", "li", "transition", 2,
        R"({"action":"merge","merge_target":"018f0000-0000-7000-8000-000000000004"})", "transition.merge_target",
        "merge_target");
    row("merge: into an open one", "li", "transition", 2,
        R"({"action":"merge","merge_target":"018f0000-0000-7000-8000-000000000001"})", "", "",
        R"({"status":"merged","merged_into":"018f0000-0000-7000-8000-000000000001"})");
    row("reopen a closed ticket", "li", "transition", 3, R"({"action":"reopen"})", "", "", R"({"status":"follow_up"})");
    row("rate: a good score keeps it closed", "li", "transition", 3,
        R"({"action":"rate","satisfaction":5,"satisfaction_comment":"师傅很专业"})", "", "",
        R"({"status":"closed","satisfaction":5,"satisfaction_comment":"师傅很专业","rated_at":"2026-12-05T09:00:00.000Z"})");
    row("rate: a low score reopens it", "li", "transition", 3, R"({"action":"rate","satisfaction":2})", "", "",
        R"({"status":"follow_up","satisfaction":2,"closed_at":null})");
    row("rate: no score", "li", "transition", 3, R"({"action":"rate"})", "transition.score_required", "satisfaction");
    row("rate: an open ticket", "li", "transition", 2, R"({"action":"rate","satisfaction":4})", "transition.illegal",
        "status");
    // comment
    row("comment: public reply", "li", "comment", 2, R"({"body":"您好","visibility":"public"})", "", "",
        R"({"first_response_at":"2026-12-05T09:00:00.000Z"})");
    row("comment: empty", "li", "comment", 2, R"({"body":"  ","visibility":"public"})", "comment.empty", "body");
    row("comment: out of sight", "zhang", "comment", 2, R"({"body":"你好","visibility":"internal"})",
        "ticket.not_found", "id");
    row("comment: on a merged ticket", "boss", "comment", 7, R"({"body":"你好","visibility":"internal"})",
        "comment.merged", "body");
    row("comment: field staff on theirs", "wang", "comment", 5, R"({"body":"已上门","visibility":"internal"})", "", "");
    // link
    row("link: two tickets", "li", "link", 2, R"({"target_id":"018f0000-0000-7000-8000-000000000001"})", "", "",
        R"({"links":["018f0000-0000-7000-8000-000000000001"]})");
    row("link: itself", "li", "link", 2, R"({"target_id":"018f0000-0000-7000-8000-000000000002"})",
        "ticket.link_target", "target_id");
    row("link: one out of sight", "li", "link", 2, R"({"target_id":"018f0000-0000-7000-8000-000000000004"})",
        "ticket.link_target", "target_id");
}

void TestTicketRules::rules()
{
    QFETCH(QString, who);
    QFETCH(QString, op);
    QFETCH(int, on);
    QFETCH(QByteArray, args);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QByteArray, expect);
    FakeTicketWorld w = world();
    TicketRules rules(w, actor(who), kNow);
    const QJsonObject a = QJsonDocument::fromJson(args).object();
    const Ticket target = w.tickets.value(uuid(on));
    Result<TicketChange> outcome = Error {};
    if (op == QLatin1String("create")) {
        QJsonObject draft = JsonCodec::toJson(Ticket {});
        draft.insert(QStringLiteral("id"), uuid(100));
        draft.insert(QStringLiteral("subject"), QStringLiteral("x"));
        draft.insert(QStringLiteral("created_at"), kNow.toString(Qt::ISODateWithMs));
        for (auto it = a.begin(); it != a.end(); ++it)
            draft.insert(it.key(), it.value());
        auto parsed = JsonCodec::ticketFromJson(draft);
        outcome = parsed ? rules.create(parsed.value()) : Result<TicketChange>(parsed.error());
    } else if (op == QLatin1String("patch")) {
        outcome = rules.patch(target, a);
    } else if (op == QLatin1String("transition")) {
        auto request = transitionFromJson(a);
        QVERIFY(request.ok());
        outcome = rules.transition(target, request.value());
    } else if (op == QLatin1String("comment")) {
        const Comment comment {uuid(200), target.id, QStringLiteral("someone"),
            *EnumText<CommentVisibility>::fromKey(a.value(QStringLiteral("visibility")).toString()),
            a.value(QStringLiteral("body")).toString(), {}, kNow};
        outcome = rules.comment(target, comment);
    } else {
        outcome = rules.link(target, a.value(QStringLiteral("target_id")).toString(), true);
    }
    if (!code.isEmpty()) {
        QVERIFY2(!outcome.ok(), "accepted what should be refused");
        QCOMPARE(outcome.error().code, code);
        QCOMPARE(outcome.error().field, field);
        QVERIFY(!outcome.error().message.isEmpty());
        return;
    }
    QVERIFY2(outcome.ok(),
        qPrintable(outcome.ok() ? QString() : outcome.error().code + QLatin1Char(' ') + outcome.error().message));
    const QJsonObject after = JsonCodec::toJson(outcome.value().ticket);
    const QJsonObject wanted = QJsonDocument::fromJson(expect).object();
    for (auto it = wanted.begin(); it != wanted.end(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
    QVERIFY(!outcome.value().events.isEmpty());
    for (const TicketEvent& e : outcome.value().events)
        QCOMPARE(e.actorId, who);
}

void TestTicketRules::lifecycleTimesComeFromTheRulesAlone()
{
    FakeTicketWorld w = world();
    TicketRules rules(w, actor(QStringLiteral("li")), kNow);
    Ticket draft;
    draft.id = uuid(300);
    draft.subject = QStringLiteral("客户自带的时间");
    draft.priority = Priority::Critical;
    draft.createdAt = kNow.addSecs(-3600); // made offline an hour ago
    draft.status = TicketStatus::Closed;
    draft.closedAt = draft.acceptedAt = draft.firstResponseAt = draft.resolvedAt = kNow;
    draft.mergedInto = uuid(1);
    draft.resolution = QStringLiteral("早就好了");
    draft.version = 42;
    draft.responseDueAt = kNow.addYears(1);
    auto created = rules.create(draft);
    QVERIFY(created.ok());
    const Ticket& t = created.value().ticket;
    QCOMPARE(t.status, TicketStatus::New);
    QVERIFY(!t.closedAt.isValid() && !t.acceptedAt.isValid() && !t.firstResponseAt.isValid());
    QVERIFY(!t.resolvedAt.isValid() && t.mergedInto.isEmpty() && t.resolution.isEmpty());
    QCOMPARE(t.version, 1);
    QCOMPARE(t.createdAt, kNow.addSecs(-3600));
    QCOMPARE(t.responseDueAt, kNow.addSecs(-3600 + 2 * 3600)); // critical: respond within 2 h of creation
    // A creation time from the future (a device clock days ahead) is taken as now.
    draft.createdAt = kNow.addDays(2);
    QCOMPARE(rules.create(draft).value().ticket.createdAt, kNow);
}

void TestTicketRules::acceptMakesTheAccepterTheAssignee()
{
    FakeTicketWorld w = world();
    Ticket theirs = w.tickets.value(uuid(1));
    theirs.assigneeId = QStringLiteral("boss");
    auto accepted = TicketRules(w, actor(QStringLiteral("li")), kNow)
                        .transition(theirs, TransitionRequest {TicketAction::Accept, {}, {}, {}, {}, {}});
    QVERIFY(accepted.ok());
    QCOMPARE(accepted.value().ticket.assigneeId, QStringLiteral("li"));
    QCOMPARE(accepted.value().ticket.acceptedAt, kNow);
    const QList<TicketEvent>& events = accepted.value().events;
    QVERIFY(std::any_of(events.begin(), events.end(), [](const TicketEvent& e) {
        return e.field == QLatin1String("assignee_id") && e.oldValue == QLatin1String("boss")
            && e.newValue == QLatin1String("li");
    }));
}

void TestTicketRules::linkIsRecordedOnBothTickets()
{
    FakeTicketWorld w = world();
    auto linked = TicketRules(w, actor(QStringLiteral("li")), kNow).link(w.tickets.value(uuid(2)), uuid(1), true);
    QVERIFY(linked.ok());
    QCOMPARE(linked.value().others.size(), 1);
    QCOMPARE(linked.value().others.first().links, QStringList {uuid(2)});
    QCOMPARE(linked.value().events.size(), 2);
    Ticket both = linked.value().ticket;
    auto again = TicketRules(w, actor(QStringLiteral("li")), kNow).link(both, uuid(1), true);
    QVERIFY(again.ok() && !again.value().changed);
    auto unlinked = TicketRules(w, actor(QStringLiteral("li")), kNow).link(both, uuid(1), false);
    QVERIFY(unlinked.value().ticket.links.isEmpty());
}

void TestTicketRules::mergeMovesTheConversation_data()
{
    QTest::addColumn<int>("comments"); ///< on the source (ticket 2)
    QTest::addColumn<QString>("earlierOrigin"); ///< the source's comments were moved there from this ticket
    QTest::addColumn<QStringList>("mergedBefore"); ///< the target's (ticket 1) merged_from before
    QTest::addColumn<QStringList>("mergedAfter");

    QTest::newRow("a reply and a note move") << 2 << QString() << QStringList() << QStringList {uuid(2)};
    QTest::newRow("no conversation: only the relation") << 0 << QString() << QStringList() << QStringList {uuid(2)};
    QTest::newRow("a comment moved before keeps its first origin")
        << 1 << uuid(9) << QStringList() << QStringList {uuid(2)};
    QTest::newRow("a second source joins the first")
        << 1 << QString() << QStringList {uuid(8)} << QStringList {uuid(8), uuid(2)};
}

void TestTicketRules::mergeMovesTheConversation()
{
    QFETCH(int, comments);
    QFETCH(QString, earlierOrigin);
    QFETCH(QStringList, mergedBefore);
    QFETCH(QStringList, mergedAfter);
    FakeTicketWorld w = world();
    w.tickets[uuid(1)].mergedFrom = mergedBefore;
    for (int i = 0; i < comments; ++i) {
        Comment c {uuid(600 + i), uuid(2), i % 2 ? QStringLiteral("boss") : QStringLiteral("zhang"),
            i % 2 ? CommentVisibility::Internal : CommentVisibility::Public, QStringLiteral("第 %1 条").arg(i), {},
            kNow.addSecs(-3600 + i)};
        if (!earlierOrigin.isEmpty()) {
            c.originTicketId = earlierOrigin;
            c.originNumber = QStringLiteral("G20261130009");
        }
        w.conversations[uuid(2)].append(c);
    }
    const TransitionRequest merge {TicketAction::Merge, {}, CustomerAnswer::None, {}, uuid(1), {}, {}};
    auto merged = TicketRules(w, actor(QStringLiteral("li")), kNow).transition(w.tickets.value(uuid(2)), merge);
    QVERIFY(merged.ok());
    const TicketChange& change = merged.value();
    QCOMPARE(change.ticket.status, TicketStatus::Merged);
    QCOMPARE(change.ticket.mergedInto, uuid(1));
    QCOMPARE(change.others.size(), 1);
    const Ticket& target = change.others.first();
    QCOMPARE(target.id, uuid(1));
    QCOMPARE(target.mergedFrom, mergedAfter);
    QCOMPARE(target.version, w.tickets.value(uuid(1)).version + 1);
    // The conversation, on the target: new ids (the same wherever the rules run), the origin, author and time.
    QCOMPARE(change.movedComments.size(), comments);
    for (int i = 0; i < comments; ++i) {
        const Comment& original = w.conversations.value(uuid(2)).at(i);
        const Comment& moved = change.movedComments.at(i);
        QCOMPARE(moved.id, TicketChange::movedCommentId(uuid(1), original.id));
        QVERIFY(moved.id != original.id);
        QCOMPARE(moved.ticketId, uuid(1));
        QCOMPARE(moved.originTicketId, earlierOrigin.isEmpty() ? uuid(2) : earlierOrigin);
        QCOMPARE(moved.originNumber,
            earlierOrigin.isEmpty() ? w.tickets.value(uuid(2)).number : QStringLiteral("G20261130009"));
        QCOMPARE(moved.authorId, original.authorId);
        QCOMPARE(moved.createdAt, original.createdAt);
        QCOMPARE(moved.visibility, original.visibility);
        QCOMPARE(moved.body, original.body);
    }
    auto again
        = TicketRules(w, actor(QStringLiteral("boss")), kNow.addSecs(60)).transition(w.tickets.value(uuid(2)), merge);
    QVERIFY(again.ok());
    for (int i = 0; i < comments; ++i)
        QCOMPARE(again.value().movedComments.at(i).id, change.movedComments.at(i).id);
    // Both tickets' logs say so.
    const auto logged = [&](const QString& ticketId, const char* field, const QString& other) {
        return std::any_of(change.events.begin(), change.events.end(), [&](const TicketEvent& e) {
            return e.ticketId == ticketId && e.kind == QLatin1String("merge") && e.field == QLatin1String(field)
                && e.newValue == other && e.actorId == QLatin1String("li");
        });
    };
    QVERIFY(logged(uuid(2), "merged_into", uuid(1)));
    QVERIFY(logged(uuid(1), "merged_from", uuid(2)));
}

void TestTicketRules::aTransferNoteIsAnInternalNoteForTheReceivers()
{
    FakeTicketWorld w = world();
    TransitionRequest transfer {TicketAction::Transfer, {}, CustomerAnswer::None,
        QStringLiteral("VIP 客户，请优先处理"), {}, QStringLiteral("finance"), uuid(500)};
    auto moved = TicketRules(w, actor(QStringLiteral("li")), kNow).transition(w.tickets.value(uuid(2)), transfer);
    QVERIFY(moved.ok());
    QVERIFY(moved.value().comment);
    QCOMPARE(moved.value().comment->id, uuid(500));
    QCOMPARE(moved.value().comment->body, QStringLiteral("VIP 客户，请优先处理"));
    QCOMPARE(moved.value().comment->visibility, CommentVisibility::Internal);
    QCOMPARE(moved.value().comment->authorId, QStringLiteral("li"));
    QVERIFY(!moved.value().ticket.firstResponseAt.isValid()); // an internal note is no response to the customer
}

void TestTicketRules::priorityMovesTheDueTimesFromTheCreationTime()
{
    FakeTicketWorld w = world();
    const Ticket before = w.tickets.value(uuid(2)); // created a day ago, normal: due 24 h / 48 h after
    auto raised = TicketRules(w, actor(QStringLiteral("li")), kNow)
                      .patch(before, QJsonObject {{QStringLiteral("priority"), QStringLiteral("critical")}});
    QVERIFY(raised.ok());
    QCOMPARE(raised.value().ticket.responseDueAt, before.createdAt.addSecs(2 * 3600));
    QCOMPARE(raised.value().ticket.resolutionDueAt, before.createdAt.addSecs(4 * 3600));
}

QTEST_GUILESS_MAIN(TestTicketRules)
#include "tst_ticketrules.moc"
