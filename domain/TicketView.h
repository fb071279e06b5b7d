#pragma once

#include "domain/FieldDefinition.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace gongdan {

/// How one condition compares a ticket field with its value.
enum class ConditionOp { Is, IsNot, In, NotIn, Contains, IsEmpty, IsNotEmpty, Before, After, AtLeast, AtMost };

/// One condition of a view: a ticket field ("status", "assignee_id", "custom_fields.refund_amount", …),
/// an operator and a value. "$me" stands for the signed-in agent, "$now" for the current time.
struct ViewCondition {
    QString field;
    ConditionOp op = ConditionOp::Is;
    QJsonValue value;
};

enum class MatchMode { All, Any };

/// A ticket view (工单视图): conditions combined by all or any, chosen columns and sort, personal
/// (ownerId set: only its owner sees it, on every device they use) or shared (by supervisors and admins)
/// with the whole team or with some groups, enabled or not. Built-in views ship with every store.
struct TicketView {
    QString id;
    QString nameZh, nameEn;
    MatchMode match = MatchMode::All;
    QList<ViewCondition> conditions;
    QStringList columns; ///< empty: the default columns
    QString sortField = QStringLiteral("created_at");
    bool sortDescending = true;
    QString ownerId; ///< empty: shared (with sharedGroupIds)
    QStringList sharedGroupIds; ///< a shared view's groups; empty: the whole team. Unused for a personal view.
    bool enabled = true;
    bool builtIn = false;
    int order = 0;

    bool shared() const { return ownerId.isEmpty(); }
    QString name(bool chinese) const { return chinese || nameEn.isEmpty() ? nameZh : nameEn; }
    QJsonObject toJson() const;
    static Result<TicketView> fromJson(const QJsonObject& object);

    /// 我的待办, 未分配, 全部未结, 待跟进, 已超时, 已关闭, 需要处理.
    static QList<TicketView> builtIns();
    static QString opKey(ConditionOp op);
    static std::optional<ConditionOp> opFromKey(const QString& key);
};

/// The fields a view can filter and sort on, with the kind of value each holds.
class ViewFields {
    Q_DECLARE_TR_FUNCTIONS(ViewFields)

public:
    enum class Kind { Text, Key, KeyList, Time, Number };
    /// Not a column: whether the ticket needs the agent's attention (a change of theirs the server
    /// refused, or it left their sight). Is true / is false; the "needs attention" view filters on it.
    static constexpr QLatin1StringView kNeedsAttention {"needs_attention"};
    /// The kind of a built-in field, or of "custom_fields.<key>" from its definition; nullopt if unknown.
    static std::optional<Kind> kindOf(const QString& field, const QList<FieldDefinition>& definitions);
    static QStringList builtInFields();
    /// Checks every condition names a known field, uses an operator that fits it, and has a value of the
    /// right shape; the Error names the offending condition's field.
    static Status check(const TicketView& view, const QList<FieldDefinition>& definitions);
};

} // namespace gongdan
