#include "storage/AttachmentStore.h"
#include "storage/Outbox.h"
#include "tests/support/TempStore.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

FieldDefinition refundField()
{
    FieldDefinition d;
    d.key = QStringLiteral("refund_amount");
    d.type = FieldType::Decimal;
    d.labelZh = QStringLiteral("退款金额");
    d.labelEn = QStringLiteral("Refund amount");
    d.requiredToClose = true;
    return d;
}

} // namespace

class TestTicketRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createAssignsDailyNumbersAndQueuesIntent();
    void rejectedCreateWritesNothingAndBurnsNoNumber();
    void aRegisteredWorkstationGivesProvisionalReferences();
    void patchRecordsEventsAndPerFieldBases();
    void transitionsFollowTheStateMachine();
    void transferMovesToTheTargetGroup();
    void slaPoliciesPulledHereStampDueTimesOffline();
    void closeNeedsRequiredToCloseFields();
    void commentsAreAppendOnlyAndSetFirstResponse();
    void mergeNeedsAnotherOpenTicket();
    void sequenceNumbersOnlyGrow();
    void customersMatchByNormalisedPhone();
    void fieldDefinitionsKeepTheirType();
    void attachmentsAreStoredOncePerHash();
};

void TestTicketRepository::aRegisteredWorkstationGivesProvisionalReferences()
{
    TempStore store;
    QVERIFY(store.tickets()
                .create(draftTicket(QStringLiteral("注册前")), store.agent(QStringLiteral("a-01")))
                .value()
                .number
        == QStringLiteral("G20231001001"));
    // Registered with a team server (SyncCache::setDeviceCode): the server numbers from now on.
    QVERIFY(store.db().exec(QStringLiteral("UPDATE client_meta SET device_code = 'K7Q' WHERE id = 1")).ok());
    QCOMPARE(store.tickets()
                 .create(draftTicket(QStringLiteral("注册后")), store.agent(QStringLiteral("a-01")))
                 .value()
                 .number,
        QStringLiteral("K7Q-0001"));
    QCOMPARE(store.tickets()
                 .create(draftTicket(QStringLiteral("再一张")), store.agent(QStringLiteral("a-01")))
                 .value()
                 .number,
        QStringLiteral("K7Q-0002"));
}

void TestTicketRepository::createAssignsDailyNumbersAndQueuesIntent()
{
    TempStore store;
    QVERIFY2(store.ok(), qPrintable(store.openError()));
    auto first = store.tickets().create(draftTicket(QStringLiteral("洗衣机漏水")), store.agent(QStringLiteral("a-01")));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QCOMPARE(first.value().number, QStringLiteral("G20231001001"));
    QCOMPARE(first.value().status, TicketStatus::New);
    QCOMPARE(first.value().responseDueAt, store.clock.now().addSecs(4 * 3600)); // urgent: 4 h
    auto second
        = store.tickets().create(draftTicket(QStringLiteral("冰箱不制冷")), store.agent(QStringLiteral("a-01")));
    QCOMPARE(second.value().number, QStringLiteral("G20231001002"));
    store.clock.advanceSeconds(24 * 3600);
    auto nextDay = store.tickets().create(draftTicket(QStringLiteral("空调异响")), store.agent(QStringLiteral("a-01")));
    QCOMPARE(nextDay.value().number, QStringLiteral("G20231002001"));

    const auto stored = store.tickets().findByNumber(QStringLiteral("G20231001001"));
    QVERIFY(stored);
    QCOMPARE(stored->subject, QStringLiteral("洗衣机漏水"));
    QCOMPARE(stored->id, first.value().id);
    QCOMPARE(store.tickets().events(first.value().id).first().kind, QStringLiteral("created"));

    Outbox outbox(store.db());
    const QList<OutboxEntry> entries = outbox.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.first().name, QStringLiteral("ticket.create"));
    QCOMPARE(entries.first().entityId, first.value().id);
    QCOMPARE(entries.first().args.value(QStringLiteral("payload_version")).toInt(), 1);
    QCOMPARE(entries.first().args.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("number")).toString(),
        QStringLiteral("G20231001001"));
}

void TestTicketRepository::rejectedCreateWritesNothingAndBurnsNoNumber()
{
    TempStore store;
    QVERIFY(store.fields().save(refundField()).ok());
    const qint64 outboxBefore = Outbox(store.db()).count();
    Ticket bad = draftTicket(QStringLiteral("退款"));
    bad.customFields.insert(QStringLiteral("refund_amount"), QStringLiteral("很多"));
    auto rejected = store.tickets().create(bad, store.agent(QStringLiteral("a-01")));
    QVERIFY(!rejected.ok());
    QCOMPARE(rejected.error().code, QStringLiteral("ticket.fields_invalid"));
    QCOMPARE(rejected.error().field, QStringLiteral("refund_amount"));
    QVERIFY(!store.tickets().create(draftTicket(QStringLiteral("   ")), store.agent(QStringLiteral("a-01"))).ok());
    QCOMPARE(store.tickets().count(), 0);
    QCOMPARE(Outbox(store.db()).count(), outboxBefore);
    QCOMPARE(
        store.tickets().create(draftTicket(QStringLiteral("好的")), store.agent(QStringLiteral("a-01"))).value().number,
        QStringLiteral("G20231001001"));
}

void TestTicketRepository::patchRecordsEventsAndPerFieldBases()
{
    TempStore store;
    const Ticket t
        = store.tickets().create(draftTicket(QStringLiteral("旧标题")), store.agent(QStringLiteral("a-01"))).value();
    store.clock.advanceSeconds(60);
    auto patched = store.tickets().patch(t.id,
        QJsonObject {{QStringLiteral("subject"), QStringLiteral("新标题")},
            {QStringLiteral("priority"), QStringLiteral("critical")}, {QStringLiteral("contact_name"), t.contactName}},
        store.agent(QStringLiteral("a-02")));
    QVERIFY(patched.ok());
    QCOMPARE(patched.value().version, 2);
    const QList<TicketEvent> events = store.tickets().events(t.id);
    QCOMPARE(events.size(), 3); // created + two real changes
    QCOMPARE(events.at(1).actorId, QStringLiteral("a-02"));
    QCOMPARE(events.at(1).at, store.clock.now());
    QStringList changed {events.at(1).field, events.at(2).field};
    changed.sort();
    QCOMPARE(changed, (QStringList {QStringLiteral("priority"), QStringLiteral("subject")}));

    const OutboxEntry entry = Outbox(store.db()).entries().last();
    QCOMPARE(entry.name, QStringLiteral("ticket.patch"));
    QCOMPARE(entry.baseVersion, std::optional<int>(1));
    QCOMPARE(entry.args.value(QStringLiteral("base")).toObject(),
        (QJsonObject {{QStringLiteral("subject"), QStringLiteral("旧标题")},
            {QStringLiteral("priority"), QStringLiteral("urgent")}}));

    const qint64 queued = Outbox(store.db()).count();
    QVERIFY(store.tickets()
                .patch(t.id, QJsonObject {{QStringLiteral("subject"), QStringLiteral("新标题")}},
                    store.agent(QStringLiteral("a-02")))
                .ok());
    QCOMPARE(Outbox(store.db()).count(), queued); // no change, no intent
    auto bad = store.tickets().patch(
        t.id, QJsonObject {{QStringLiteral("status"), QStringLiteral("closed")}}, store.agent(QStringLiteral("a-02")));
    QCOMPARE(bad.error().code, QStringLiteral("patch.unknown_field"));
    QCOMPARE(store.tickets().patch(QStringLiteral("missing"), {}, store.agent(QStringLiteral("a"))).error().code,
        QStringLiteral("ticket.not_found"));
}

void TestTicketRepository::transferMovesToTheTargetGroup()
{
    TempStore store;
    QSqlQuery insert(store.db().sql());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO team_group(id, name_zh, name_en, active) "
                                       "VALUES ('g-field', '上门服务部', 'Field service', 1)")));
    Ticket draft = draftTicket(QStringLiteral("空调不制冷"));
    draft.assigneeId = QStringLiteral("a-01");
    const Ticket t = store.tickets().create(draft, store.agent(QStringLiteral("a-01"))).value();
    TransitionRequest transfer;
    transfer.action = TicketAction::Transfer;
    transfer.note = QStringLiteral("需要上门");
    transfer.targetGroup = QStringLiteral("g-nowhere");
    const qint64 queued = Outbox(store.db()).count();
    auto refused = store.tickets().transition(t.id, transfer, store.agent(QStringLiteral("a-01")));
    QCOMPARE(refused.error().code, QStringLiteral("transition.unknown_group"));
    QCOMPARE(refused.error().field, QStringLiteral("target_group"));
    QCOMPARE(Outbox(store.db()).count(), queued); // nothing queued, nothing changed
    QCOMPARE(store.tickets().find(t.id)->assigneeId, QStringLiteral("a-01"));

    transfer.targetGroup = QStringLiteral("g-field");
    auto moved = store.tickets().transition(t.id, transfer, store.agent(QStringLiteral("a-01")));
    QVERIFY(moved.ok());
    QCOMPARE(moved.value().groupId, QStringLiteral("g-field"));
    QVERIFY(moved.value().assigneeId.isEmpty());
    QCOMPARE(moved.value().status, TicketStatus::New);
    bool logged = false;
    for (const TicketEvent& event : store.tickets().events(t.id))
        logged = logged || (event.field == QLatin1String("group_id") && event.newValue == QLatin1String("g-field"));
    QVERIFY(logged);
    QCOMPARE(Outbox(store.db()).entries().last().args.value(QStringLiteral("target_group")).toString(),
        QStringLiteral("g-field"));
}

void TestTicketRepository::slaPoliciesPulledHereStampDueTimesOffline()
{
    // The desk has pulled a 24/7 calendar and a policy (first response 30, resolution 240): its own changes, made
    // offline, carry the due times the server will stamp — paused (none) while waiting for the customer, moved on by
    // the paused span when it resumes.
    TempStore store;
    QSqlQuery seed(store.db().sql());
    const QString allDay = QStringLiteral(
        R"({"id":"cal-247","name":"7x24","timezone":"Asia/Shanghai","weekly":{"mon":[["00:00","24:00"]],)"
        R"("tue":[["00:00","24:00"]],"wed":[["00:00","24:00"]],"thu":[["00:00","24:00"]],"fri":[["00:00","24:00"]],)"
        R"("sat":[["00:00","24:00"]],"sun":[["00:00","24:00"]]}})");
    const QString policy = QStringLiteral(
        R"({"id":"sla-1","name":"标准","position":1,"calendar_id":"cal-247",)"
        R"("targets":{"normal":{"first_response":30,"resolution":240},"urgent":{"first_response":30,"resolution":240},)"
        R"("critical":{"first_response":30,"resolution":240}}})");
    for (const auto& [kind, id, data] : {std::tuple {QStringLiteral("calendar"), QStringLiteral("cal-247"), allDay},
             std::tuple {QStringLiteral("sla_policy"), QStringLiteral("sla-1"), policy}}) {
        seed.prepare(QStringLiteral("INSERT INTO record_synced(kind, id, data, server_seq) VALUES (?, ?, ?, 1)"));
        seed.addBindValue(kind);
        seed.addBindValue(id);
        seed.addBindValue(data);
        QVERIFY2(seed.exec(), qPrintable(seed.lastError().text()));
    }
    const Principal agent = store.agent(QStringLiteral("a-01"));
    const Ticket t = store.tickets().create(draftTicket(QStringLiteral("空调不制冷")), agent).value();
    const QDateTime start = store.tickets().find(t.id)->createdAt;
    QCOMPARE(store.tickets().find(t.id)->responseDueAt, start.addSecs(30 * 60));
    QCOMPARE(store.tickets().find(t.id)->resolutionDueAt, start.addSecs(240 * 60));
    store.clock.advanceSeconds(600);
    QVERIFY(store.tickets().transition(t.id, {TicketAction::Accept, {}, {}, {}, {}, {}}, agent));
    QVERIFY(store.tickets().transition(
        t.id, {TicketAction::RequestConfirmation, QStringLiteral("已远程指导"), {}, {}, {}, {}}, agent));
    QVERIFY(!store.tickets().find(t.id)->resolutionDueAt.isValid()); // paused: no due time
    QVERIFY(!store.tickets().find(t.id)->responseDueAt.isValid());
    store.clock.advanceSeconds(3600);
    QVERIFY(store.tickets().transition(t.id, {TicketAction::Resume, {}, {}, {}, {}, {}}, agent));
    QCOMPARE(store.tickets().find(t.id)->resolutionDueAt, start.addSecs(240 * 60 + 3600));
    // The first public reply fulfils the first response.
    QVERIFY(store.tickets().addComment(t.id, CommentVisibility::Public, QStringLiteral("工程师下午上门"), {}, agent));
    QVERIFY(!store.tickets().find(t.id)->responseDueAt.isValid());
}

void TestTicketRepository::transitionsFollowTheStateMachine()
{
    TempStore store;
    const Ticket t = store.tickets()
                         .create(draftTicket(QStringLiteral("路由器掉线")), store.agent(QStringLiteral("a-01")))
                         .value();
    auto illegal = store.tickets().transition(t.id,
        {TicketAction::Close, QStringLiteral("x"), CustomerAnswer::Satisfied, {}, {}, {}},
        store.agent(QStringLiteral("a-01")));
    QCOMPARE(illegal.error().code, QStringLiteral("transition.illegal"));
    QCOMPARE(store.tickets().find(t.id)->status, TicketStatus::New);
    const qint64 queued = Outbox(store.db()).count();

    store.clock.advanceSeconds(120);
    auto accepted = store.tickets().transition(
        t.id, {TicketAction::Accept, {}, {}, {}, {}, {}}, store.agent(QStringLiteral("a-01")));
    QCOMPARE(accepted.value().status, TicketStatus::InProgress);
    QCOMPARE(accepted.value().acceptedAt, store.clock.now());
    QCOMPARE(Outbox(store.db()).count(), queued + 1);
    const OutboxEntry entry = Outbox(store.db()).entries().last();
    QCOMPARE(entry.args.value(QStringLiteral("from")).toString(), QStringLiteral("new"));
    QCOMPARE(entry.args.value(QStringLiteral("to")).toString(), QStringLiteral("in_progress"));

    auto followUp = store.tickets().transition(t.id,
        {TicketAction::Close, QStringLiteral("已重启路由器"), CustomerAnswer::NotSatisfied, {}, {}, {}},
        store.agent(QStringLiteral("a-01")));
    QCOMPARE(followUp.value().status, TicketStatus::FollowUp);
    QVERIFY(!followUp.value().closedAt.isValid());
    auto closed = store.tickets().transition(t.id,
        {TicketAction::Close, QStringLiteral("更换路由器"), CustomerAnswer::Satisfied, {}, {}, {}},
        store.agent(QStringLiteral("a-01")));
    QCOMPARE(closed.value().status, TicketStatus::Closed);
    QCOMPARE(closed.value().closedAt, store.clock.now());
    QCOMPARE(store.tickets()
                 .patch(t.id, QJsonObject {{QStringLiteral("subject"), QStringLiteral("x")}},
                     store.agent(QStringLiteral("a")))
                 .error()
                 .code,
        QStringLiteral("ticket.closed"));
    const QList<TicketEvent> events = store.tickets().events(t.id);
    QVERIFY(std::any_of(events.begin(), events.end(), [](const TicketEvent& e) {
        return e.kind == QLatin1String("status") && e.newValue == QLatin1String("closed");
    }));
}

void TestTicketRepository::closeNeedsRequiredToCloseFields()
{
    TempStore store;
    QVERIFY(store.fields().save(refundField()).ok());
    const Ticket t
        = store.tickets().create(draftTicket(QStringLiteral("退款")), store.agent(QStringLiteral("a-01"))).value();
    QVERIFY(store.tickets()
                .transition(t.id, {TicketAction::Accept, {}, {}, {}, {}, {}}, store.agent(QStringLiteral("a-01")))
                .ok());
    const TransitionRequest close {
        TicketAction::Close, QStringLiteral("已退款"), CustomerAnswer::Satisfied, {}, {}, {}};
    auto refused = store.tickets().transition(t.id, close, store.agent(QStringLiteral("a-01")));
    QCOMPARE(refused.error().code, QStringLiteral("ticket.fields_invalid"));
    QCOMPARE(refused.error().field, QStringLiteral("refund_amount"));
    auto patched = store.tickets().patch(t.id,
        QJsonObject {{QStringLiteral("custom_fields"),
            QJsonObject {{QStringLiteral("refund_amount"), QStringLiteral("99.00")}}}},
        store.agent(QStringLiteral("a-01")));
    QVERIFY2(patched.ok(), qPrintable(patched.ok() ? QString() : patched.error().message));
    auto closed = store.tickets().transition(t.id, close, store.agent(QStringLiteral("a-01")));
    QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : closed.error().message));
    QCOMPARE(closed.value().status, TicketStatus::Closed);
}

void TestTicketRepository::commentsAreAppendOnlyAndSetFirstResponse()
{
    TempStore store;
    const Ticket t
        = store.tickets().create(draftTicket(QStringLiteral("咨询")), store.agent(QStringLiteral("a-01"))).value();
    QCOMPARE(
        store.tickets()
            .addComment(t.id, CommentVisibility::Public, QStringLiteral("  "), {}, store.agent(QStringLiteral("a")))
            .error()
            .code,
        QStringLiteral("comment.empty"));
    store.clock.advanceSeconds(30);
    QVERIFY(store.tickets()
                .addComment(t.id, CommentVisibility::Internal, QStringLiteral("内部备注"), {},
                    store.agent(QStringLiteral("a-01")))
                .ok());
    QVERIFY(!store.tickets().find(t.id)->firstResponseAt.isValid());
    store.clock.advanceSeconds(30);
    QVERIFY(store.tickets()
                .addComment(
                    t.id, CommentVisibility::Public, QStringLiteral("您好"), {}, store.agent(QStringLiteral("a-01")))
                .ok());
    QCOMPARE(store.tickets().find(t.id)->firstResponseAt, store.clock.now());
    const QList<Comment> comments = store.tickets().comments(t.id);
    QCOMPARE(comments.size(), 2);
    QCOMPARE(comments.first().visibility, CommentVisibility::Internal);
    QCOMPARE(Outbox(store.db()).entries().last().name, QStringLiteral("comment.add"));
    QCOMPARE(store.tickets()
                 .addComment(QStringLiteral("gone"), CommentVisibility::Public, QStringLiteral("x"), {},
                     store.agent(QStringLiteral("a")))
                 .error()
                 .code,
        QStringLiteral("ticket.not_found"));
}

void TestTicketRepository::mergeNeedsAnotherOpenTicket()
{
    TempStore store;
    const Ticket a
        = store.tickets().create(draftTicket(QStringLiteral("重复一")), store.agent(QStringLiteral("a-01"))).value();
    const Ticket b
        = store.tickets().create(draftTicket(QStringLiteral("重复二")), store.agent(QStringLiteral("a-01"))).value();
    QCOMPARE(store.tickets()
                 .transition(a.id, {TicketAction::Merge, {}, {}, {}, a.id, {}}, store.agent(QStringLiteral("a")))
                 .error()
                 .code,
        QStringLiteral("transition.merge_target"));
    auto merged = store.tickets().transition(
        a.id, {TicketAction::Merge, {}, {}, {}, b.id, {}}, store.agent(QStringLiteral("a")));
    QCOMPARE(merged.value().status, TicketStatus::Merged);
    QCOMPARE(store.tickets().find(a.id)->mergedInto, b.id);
}

void TestTicketRepository::sequenceNumbersOnlyGrow()
{
    TempStore store;
    for (int i = 0; i < 20; ++i)
        QVERIFY(store.tickets()
                    .create(draftTicket(QStringLiteral("工单%1").arg(i)), store.agent(QStringLiteral("a")))
                    .ok());
    QVERIFY(store.db().exec(QStringLiteral("DELETE FROM outbox WHERE seq > 15")).ok()); // acknowledged and removed
    QVERIFY(store.reopen());
    QVERIFY(store.tickets().create(draftTicket(QStringLiteral("新")), store.agent(QStringLiteral("a"))).ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT max(seq) FROM outbox")), 21);
    QCOMPARE(Outbox(store.db()).nextSeq(), 22);
}

void TestTicketRepository::customersMatchByNormalisedPhone()
{
    TempStore store;
    Customer c;
    c.name = QStringLiteral("陈静");
    c.number = QStringLiteral("C0000001");
    c.phones = {QStringLiteral("+86 139-1234-5678"), QStringLiteral("021-5555 0101")};
    c.level = CustomerLevel::Vip;
    auto saved = store.customers().save(c);
    QVERIFY(saved.ok());
    QCOMPARE(store.customers().findByPhone(QStringLiteral("13912345678")).size(), 1);
    QCOMPARE(store.customers().findByPhone(QStringLiteral("02155550101")).first().name, QStringLiteral("陈静"));
    QVERIFY(store.customers().findByPhone(QStringLiteral("13912345679")).isEmpty());
    QCOMPARE(store.customers().search(QStringLiteral("3456")).size(), 1);
    QCOMPARE(store.customers().search(QStringLiteral("陈静")).size(), 1);
    Customer dup;
    dup.name = QStringLiteral("另一个");
    dup.number = QStringLiteral("C0000001");
    auto taken = store.customers().save(dup);
    QVERIFY(!taken.ok());
    QCOMPARE(taken.error().field, QStringLiteral("number"));
    Customer badPhone;
    badPhone.name = QStringLiteral("某人");
    badPhone.phones = {QStringLiteral("abc")};
    QCOMPARE(store.customers().save(badPhone).error().code, QStringLiteral("customer.phone_invalid"));
    Customer renamed = saved.value();
    renamed.name = QStringLiteral("陈晶");
    QCOMPARE(store.customers().save(renamed).value().version, 1);
    QVERIFY(store.customers().search(QStringLiteral("陈静")).isEmpty());
    QCOMPARE(Outbox(store.db()).entries().last().name, QStringLiteral("customer.upsert"));
}

void TestTicketRepository::fieldDefinitionsKeepTheirType()
{
    TempStore store;
    auto saved = store.fields().save(refundField());
    QVERIFY(saved.ok());
    FieldDefinition changed = saved.value();
    changed.type = FieldType::Integer;
    QCOMPARE(store.fields().save(changed).error().code, QStringLiteral("field_definition.type_fixed"));
    changed = saved.value();
    changed.active = false;
    changed.order = 9;
    QVERIFY(store.fields().save(changed).ok());
    QCOMPARE(store.fields().definitions().size(), 1);
    QVERIFY(!store.fields().find(QStringLiteral("refund_amount"))->active);
    QVERIFY(store.fields()
                .saveCategory({QStringLiteral("after-sales"), {}, QStringLiteral("售后"), QStringLiteral("After-sales"),
                    0, true, {}})
                .ok());
    QCOMPARE(store.fields()
                 .saveCategory({QStringLiteral("x"), QStringLiteral("nowhere"), QStringLiteral("无"), {}, 0, true, {}})
                 .error()
                 .code,
        QStringLiteral("category.parent_missing"));
    QCOMPARE(store.fields().categories().value().all().size(), 1);
}

void TestTicketRepository::attachmentsAreStoredOncePerHash()
{
    TempStore store;
    AttachmentStore attachments(store.db());
    auto first = attachments.put(QByteArray("photo-bytes"), QStringLiteral("发票.jpg"), QStringLiteral("image/jpeg"));
    auto second = attachments.put(QByteArray("photo-bytes"), QStringLiteral("copy.jpg"), QStringLiteral("image/jpeg"));
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first.value().sha256, second.value().sha256);
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM attachment")), 1);
    QCOMPARE(attachments.get(first.value().sha256).value(), QByteArray("photo-bytes"));
    QCOMPARE(attachments.get(QString(64, QLatin1Char('0'))).error().code, QStringLiteral("attachment.missing"));
    QCOMPARE(attachments.put({}, QStringLiteral(" "), {}).error().code, QStringLiteral("attachment.name"));
    const Ticket t
        = store.tickets().create(draftTicket(QStringLiteral("附件")), store.agent(QStringLiteral("a"))).value();
    QVERIFY(
        store.tickets()
            .addComment(t.id, CommentVisibility::Public, QString(), {first.value()}, store.agent(QStringLiteral("a")))
            .ok());
    QCOMPARE(store.tickets().comments(t.id).first().attachments.first().fileName, QStringLiteral("发票.jpg"));
}

QTEST_GUILESS_MAIN(TestTicketRepository)
#include "tst_ticketrepository.moc"
