// The rule-parity table (tests/server/tst_ruleparity.cpp): one row per command, role and starting ticket,
// run on each backend. Its symbols ("@agent", "@T", "@self", …) are ParityTeam's.
#include "tests/support/ParityRows.h"

#include <QTest>

namespace gongdan::test {

void addParityRows()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("who"); ///< agent, supervisor, admin or field
    QTest::addColumn<QString>("op"); ///< create, patch, transition, comment, link
    QTest::addColumn<QByteArray>("target"); ///< a second ticket ("@T"; ParityTeam::makeTicket's spec)
    QTest::addColumn<QByteArray>("start"); ///< the ticket the command works on (one per path)
    QTest::addColumn<QByteArray>("args"); ///< the command; "@self" is the path's own ticket
    QTest::addColumn<QString>("code"); ///< empty: accepted
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("expect"); ///< fields of the resulting ticket (as view() shows them)

    // Starting tickets, made by the admin unless "by" says otherwise.
    const QByteArray fresh = R"({"group_id":"service"})";
    const QByteArray working = R"({"group_id":"service","then":[{"as":"agent","action":"accept"}]})";
    const QByteArray refunded
        = R"({"group_id":"service","custom_fields":{"refund":"10.00"},"then":[{"as":"agent","action":"accept"}]})";
    const QByteArray closed = R"({"group_id":"service","custom_fields":{"refund":"10.00"},"then":[{"as":"agent",
        "action":"accept"},{"as":"agent","action":"close","resolution":"好了","answer":"satisfied"}]})";
    const QByteArray billing = R"({"group_id":"billing"})";
    const QByteArray fieldOps = R"({"group_id":"field-ops"})";
    const QByteArray wangs = R"({"group_id":"field-ops","assignee_id":"@field"})";
    const QByteArray merged = R"({"group_id":"service","then":[{"action":"merge","merge_target":"@T"}]})";

    for (const char* backend : {"sqlite", "postgresql"}) {
        const auto row = [backend](const char* name, const char* who, const char* op, const QByteArray& target,
                             const QByteArray& start, const char* args, const char* code, const char* field,
                             const char* expect = "{}") {
            QTest::addRow("%s: %s", backend, name)
                << QString::fromLatin1(backend) << QString::fromLatin1(who) << QString::fromLatin1(op) << target
                << start << QByteArray(args) << QString::fromLatin1(code) << QString::fromLatin1(field)
                << QByteArray(expect);
        };
        const auto create
            = [&](const char* name, const char* who, const char* args, const char* code, const char* field,
                  const char* expect = "{}") { row(name, who, "create", {}, {}, args, code, field, expect); };
        // create: where the ticket goes, who has it, what it refers to, its custom fields.
        create("create: no group takes the creator's", "agent", "{}", "", "",
            R"({"group_id":"service","created_by":"@agent","status":"new","assignee_id":""})");
        create("create: no group takes the category's", "agent",
            R"({"category_id":"@repair","custom_fields":{"serial":"SN1"}})", "", "",
            R"({"group_id":"billing","custom_fields":{"serial":"SN1"}})");
        create("create: a parent category's group", "supervisor", R"({"category_id":"@usage"})", "", "",
            R"({"group_id":"service"})");
        create("create: the chosen group wins", "agent", R"({"group_id":"field-ops","category_id":"@consult"})", "", "",
            R"({"group_id":"field-ops"})");
        create("create: unknown group", "agent", R"({"group_id":"nowhere"})", "ticket.unknown_group", "group_id");
        create("create: assignee of the group", "supervisor", R"({"group_id":"service","assignee_id":"@agent"})", "",
            "", R"({"assignee_id":"@agent"})");
        create("create: assignee outside the group", "agent", R"({"group_id":"service","assignee_id":"@zhang"})",
            "ticket.assignee_not_in_group", "assignee_id");
        create("create: switched-off assignee", "agent", R"({"assignee_id":"@gone"})", "ticket.unknown_assignee",
            "assignee_id");
        create("create: unknown assignee", "supervisor", R"({"assignee_id":"@nobody"})", "ticket.unknown_assignee",
            "assignee_id");
        create("create: field staff get their own", "field", "{}", "", "",
            R"({"assignee_id":"@field","group_id":"field-ops"})");
        create("create: field staff for someone else", "field", R"({"assignee_id":"@zhang"})",
            "access.field_assign_self", "assignee_id");
        create("create: field staff keep it in their group", "field", R"({"group_id":"service"})", "", "",
            R"({"assignee_id":"@field","group_id":"field-ops"})");
        create("create: unknown customer", "agent", R"({"customer_id":"@nocustomer"})", "ticket.unknown_customer",
            "customer_id");
        create("create: known customer", "agent", R"({"customer_id":"@c1"})", "", "", R"({"customer_id":"@c1"})");
        create("create: unknown category", "agent", R"({"category_id":"@nocategory"})", "ticket.unknown_category",
            "category_id");
        create("create: switched-off category", "agent", R"({"category_id":"@retired"})", "ticket.unknown_category",
            "category_id");
        create("create: required field missing", "agent", R"({"category_id":"@repair"})", "ticket.fields_invalid",
            "serial");
        create("create: an offered option", "agent", R"({"custom_fields":{"model":"x1"}})", "", "",
            R"({"custom_fields":{"model":"x1"}})");
        create("create: an option not offered", "agent", R"({"custom_fields":{"model":"x9"}})", "ticket.fields_invalid",
            "model");
        create("create: unknown custom field", "agent", R"({"custom_fields":{"colour":"red"}})",
            "ticket.fields_invalid", "colour");
        create("create: an agent may not set the refund", "agent", R"({"custom_fields":{"refund":"10.00"}})",
            "field.read_only", "refund");
        create("create: a supervisor may", "supervisor", R"({"custom_fields":{"refund":"10.00"}})", "", "",
            R"({"custom_fields":{"refund":"10.00"}})");
        create("create: an admin of no group", "admin", "{}", "", "", R"({"group_id":"","created_by":"@admin"})");
        create("create: an admin assigns in a group", "admin",
            R"({"group_id":"billing","assignee_id":"@qian","priority":"urgent","tags":["VIP"]})", "", "",
            R"({"assignee_id":"@qian","priority":"urgent","tags":["VIP"]})");
        create("create: blank subject", "supervisor", R"({"subject":"  "})", "ticket.subject_required", "subject");

        const auto patch = [&](const char* name, const char* who, const QByteArray& start, const char* args,
                               const char* code, const char* field, const char* expect = "{}") {
            row(name, who, "patch", {}, start, args, code, field, expect);
        };
        patch("patch: a group ticket's subject", "agent", fresh, R"({"subject":"新标题"})", "", "",
            R"({"subject":"新标题","status":"new"})");
        patch("patch: another group's ticket", "agent", billing, R"({"subject":"x"})", "ticket.not_found", "id");
        patch("patch: the creator still may", "agent", R"({"by":"agent","group_id":"billing"})", R"({"subject":"x"})",
            "", "", R"({"group_id":"billing","created_by":"@agent"})");
        patch("patch: a closed ticket", "agent", closed, R"({"subject":"x"})", "ticket.closed", "status");
        patch("patch: status", "agent", fresh, R"({"status":"closed"})", "patch.unknown_field", "status");
        patch("patch: assignee outside the group", "supervisor", fresh, R"({"assignee_id":"@zhang"})",
            "ticket.assignee_not_in_group", "assignee_id");
        patch("patch: group and assignee together", "supervisor", fresh,
            R"({"group_id":"field-ops","assignee_id":"@zhang"})", "", "",
            R"({"group_id":"field-ops","assignee_id":"@zhang"})");
        patch("patch: a new group drops the assignee", "supervisor", working, R"({"group_id":"field-ops"})", "", "",
            R"({"group_id":"field-ops","assignee_id":"","status":"in_progress"})");
        patch("patch: a new group keeps a member", "admin",
            R"({"group_id":"service","then":[{"as":"supervisor","action":"accept"}]})", R"({"group_id":"billing"})", "",
            "", R"({"group_id":"billing","assignee_id":"@supervisor"})");
        patch("patch: unknown group", "agent", fresh, R"({"group_id":"nowhere"})", "ticket.unknown_group", "group_id");
        patch("patch: field staff reassign", "field", wangs, R"({"assignee_id":"@zhang"})", "access.field_reassign",
            "assignee_id");
        patch("patch: due time by an agent", "agent", fresh, R"({"resolution_due_at":"2030-01-01T00:00:00.000Z"})",
            "access.due_times", "resolution_due_at");
        patch("patch: due time by a supervisor", "supervisor", fresh,
            R"({"resolution_due_at":"2030-01-01T00:00:00.000Z"})", "", "",
            R"({"resolution_due_at":"2030-01-01T00:00:00.000Z"})");
        patch("patch: unknown customer", "agent", fresh, R"({"customer_id":"@nocustomer"})", "ticket.unknown_customer",
            "customer_id");
        patch("patch: field staff set the customer", "field", wangs, R"({"customer_id":"@c1"})", "", "",
            R"({"customer_id":"@c1","assignee_id":"@field"})");
        patch("patch: into a category that requires a field", "agent", fresh, R"({"category_id":"@repair"})",
            "ticket.fields_invalid", "serial");
        patch("patch: into a category with the field", "agent", fresh,
            R"({"category_id":"@repair","custom_fields":{"serial":"SN2"}})", "", "",
            R"({"category_id":"@repair","group_id":"service"})");
        patch("patch: switched-off category", "agent", fresh, R"({"category_id":"@retired"})",
            "ticket.unknown_category", "category_id");
        patch("patch: the refund by an agent", "agent", working, R"({"custom_fields":{"refund":"5.00"}})",
            "field.read_only", "refund");
        patch("patch: the refund by a supervisor", "supervisor", working, R"({"custom_fields":{"refund":"5.00"}})", "",
            "", R"({"custom_fields":{"refund":"5.00"}})");
        patch("patch: an option not offered", "agent", fresh, R"({"custom_fields":{"model":"x3"}})",
            "ticket.fields_invalid", "model");
        patch("patch: an offered option", "agent", fresh, R"({"custom_fields":{"model":"x2"}})", "", "",
            R"({"custom_fields":{"model":"x2"}})");
        patch("patch: unknown custom field", "agent", fresh, R"({"custom_fields":{"colour":"red"}})",
            "ticket.fields_invalid", "colour");
        patch("patch: tags", "agent", fresh, R"({"tags":["VIP","回访"]})", "", "", R"({"tags":["VIP","回访"]})");
        patch("patch: tags of the wrong type", "agent", fresh, R"({"tags":"VIP"})", "patch.type", "tags");
        patch(
            "patch: priority", "supervisor", fresh, R"({"priority":"critical"})", "", "", R"({"priority":"critical"})");
        patch("patch: blank subject", "agent", fresh, R"({"subject":" "})", "patch.required", "subject");
        patch("patch: an admin assigns", "admin", fresh, R"({"assignee_id":"@agent"})", "", "",
            R"({"assignee_id":"@agent"})");

        const auto move = [&](const char* name, const char* who, const QByteArray& target, const QByteArray& start,
                              const char* args, const char* code, const char* field, const char* expect = "{}") {
            row(name, who, "transition", target, start, args, code, field, expect);
        };
        move("accept: the accepter takes it", "agent", {}, fresh, R"({"action":"accept"})", "", "",
            R"({"status":"in_progress","assignee_id":"@agent","accepted_at":true})");
        move("accept: from another assignee", "agent", {}, R"({"group_id":"service","assignee_id":"@supervisor"})",
            R"({"action":"accept"})", "", "", R"({"assignee_id":"@agent"})");
        move("accept: a supervisor not in its group", "supervisor", {}, fieldOps, R"({"action":"accept"})",
            "transition.not_in_group", "status");
        move("accept: an admin of no group", "admin", {}, fresh, R"({"action":"accept"})", "transition.not_in_group",
            "status");
        move("accept: out of sight", "agent", {}, billing, R"({"action":"accept"})", "ticket.not_found", "id");
        move("accept: field staff theirs", "field", {}, wangs, R"({"action":"accept"})", "", "",
            R"({"status":"in_progress","assignee_id":"@field"})");
        move("accept: one in progress", "agent", {}, working, R"({"action":"accept"})", "transition.illegal", "status");
        move("transfer: needs a note", "agent", {}, working, R"({"action":"transfer","target_group":"field-ops"})",
            "transition.note_required", "note");
        move("transfer: unknown group", "agent", {}, working,
            R"({"action":"transfer","target_group":"nowhere","note":"转"})", "transition.unknown_group",
            "target_group");
        move("transfer: to another group", "agent", {}, working,
            R"({"action":"transfer","target_group":"field-ops","note":"转外勤"})", "", "",
            R"({"status":"new","group_id":"field-ops","assignee_id":""})");
        move("transfer: field staff hand it back", "field", {},
            R"({"group_id":"field-ops","assignee_id":"@field","then":[{"as":"field","action":"accept"}]})",
            R"({"action":"transfer","target_group":"service","note":"退回"})", "", "",
            R"({"status":"new","group_id":"service","assignee_id":""})");
        move("close: without the refund", "agent", {}, working,
            R"({"action":"close","resolution":"已修好","answer":"satisfied"})", "ticket.fields_invalid", "refund");
        move("close: with the refund", "agent", {}, refunded,
            R"({"action":"close","resolution":"已修好","answer":"satisfied"})", "", "", R"({"status":"closed"})");
        move("close: not satisfied", "agent", {}, working,
            R"({"action":"close","resolution":"已修好","answer":"not_satisfied"})", "", "",
            R"({"status":"follow_up"})");
        move("close: from new", "agent", {}, fresh, R"({"action":"close","resolution":"好","answer":"satisfied"})",
            "transition.illegal", "status");
        move("close: without a resolution", "agent", {}, refunded, R"({"action":"close","answer":"satisfied"})",
            "transition.resolution_required", "resolution");
        move("wait for the customer", "supervisor", {}, working,
            R"({"action":"request_confirmation","resolution":"已寄出"})", "", "", R"({"status":"waiting_customer"})");
        move("mark spam", "supervisor", {}, fresh, R"({"action":"mark_spam"})", "", "", R"({"status":"spam"})");
        move("merge: into itself", "agent", {}, working, R"({"action":"merge","merge_target":"@self"})",
            "transition.merge_target", "merge_target");
        move("merge: into a closed ticket", "agent", closed, working, R"({"action":"merge","merge_target":"@T"})",
            "transition.merge_target", "merge_target");
        move("merge: into one out of sight", "agent", billing, working, R"({"action":"merge","merge_target":"@T"})",
            "transition.merge_target", "merge_target");
        move("merge: into an open one", "agent", fresh, working, R"({"action":"merge","merge_target":"@T"})", "", "",
            R"({"status":"merged","merged_into":"@T"})");
        move("reopen: a closed ticket", "agent", {}, closed, R"({"action":"reopen"})", "", "",
            R"({"status":"follow_up"})");
        move("reopen: an open one", "agent", {}, fresh, R"({"action":"reopen"})", "transition.illegal", "status");
        move("close: scored 2 by phone", "agent", {}, refunded,
            R"({"action":"close","resolution":"已修好","satisfaction":2,"satisfaction_comment":"等太久"})", "", "",
            R"({"status":"follow_up","satisfaction":2,"satisfaction_comment":"等太久"})");
        move("rate: a closed ticket, 5", "supervisor", {}, closed, R"({"action":"rate","satisfaction":5})", "", "",
            R"({"status":"closed","satisfaction":5})");
        move("rate: a closed ticket, 1", "agent", {}, closed, R"({"action":"rate","satisfaction":1})", "", "",
            R"({"status":"follow_up","satisfaction":1})");
        move("rate: out of range", "agent", {}, closed, R"({"action":"rate","satisfaction":6})", "transition.bad_score",
            "satisfaction");
        move("rate: an open one", "agent", {}, fresh, R"({"action":"rate","satisfaction":4})", "transition.illegal",
            "status");

        const auto comment = [&](const char* name, const char* who, const QByteArray& target, const QByteArray& start,
                                 const char* args, const char* code, const char* field, const char* expect = "{}") {
            row(name, who, "comment", target, start, args, code, field, expect);
        };
        comment("comment: a public reply is the first response", "agent", {}, fresh,
            R"({"body":"您好","visibility":"public"})", "", "", R"({"first_response_at":true})");
        comment("comment: an internal note is not", "agent", {}, fresh, R"({"body":"内部","visibility":"internal"})",
            "", "", R"({"first_response_at":false})");
        comment(
            "comment: empty", "agent", {}, fresh, R"({"body":"  ","visibility":"public"})", "comment.empty", "body");
        comment("comment: out of sight", "agent", {}, billing, R"({"body":"你好","visibility":"internal"})",
            "ticket.not_found", "id");
        comment("comment: on a merged ticket", "supervisor", fresh, merged,
            R"({"body":"你好","visibility":"internal"})", "comment.merged", "body");
        comment("comment: field staff on theirs", "field", {}, wangs, R"({"body":"已上门","visibility":"public"})", "",
            "", R"({"first_response_at":true})");
        comment("comment: field staff on another's", "field", {}, fieldOps,
            R"({"body":"已上门","visibility":"public"})", "ticket.not_found", "id");
        comment("comment: on a closed ticket", "agent", {}, closed, R"({"body":"回访","visibility":"internal"})", "",
            "", R"({"status":"closed"})");

        const auto link = [&](const char* name, const char* who, const QByteArray& target, const QByteArray& start,
                              const char* args, const char* code, const char* field, const char* expect = "{}") {
            row(name, who, "link", target, start, args, code, field, expect);
        };
        link("link: two tickets", "agent", fresh, fresh, R"({"target_id":"@T"})", "", "", R"({"links":["@T"]})");
        link("link: itself", "agent", {}, fresh, R"({"target_id":"@self"})", "ticket.link_target", "target_id");
        link("link: one out of sight", "agent", billing, fresh, R"({"target_id":"@T"})", "ticket.link_target",
            "target_id");
        link("link: across groups by a supervisor", "supervisor", fieldOps, fresh, R"({"target_id":"@T"})", "", "",
            R"({"links":["@T"]})");
        link("link: field staff to one not theirs", "field", fieldOps, wangs, R"({"target_id":"@T"})",
            "ticket.link_target", "target_id");
    }
}

} // namespace gongdan::test
