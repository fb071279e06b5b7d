#pragma once

#include "domain/Result.h"
#include "domain/TicketTypes.h"

#include <QCoreApplication>
#include <QList>

namespace gongdan {

/// What an agent does to move a ticket through its life.
enum class TicketAction {
    Accept, ///< 确认接收: new or follow-up → in progress
    Transfer, ///< 转单: hand to another group; back to new until the new owner accepts
    RequestConfirmation, ///< propose a solution and wait for the customer → waiting for customer
    Resume, ///< the customer came back with more to do → in progress
    Close, ///< needs a resolution and the customer's answer: satisfied → closed, not → follow-up
    Reopen, ///< closed → follow-up
    MarkSpam, ///< 垃圾工单
    RestoreFromSpam, ///< spam → new
    Merge, ///< 合并 into another ticket
    Rate ///< 记录满意度: the customer's 1–5 score after closing; 1–2 reopen the ticket as follow-up (差评二次跟进)
};

/// The customer's answer when a ticket is being closed.
enum class CustomerAnswer { None, Satisfied, NotSatisfied };

struct TransitionRequest {
    TicketAction action = TicketAction::Accept;
    QString resolution; ///< required by RequestConfirmation and Close
    CustomerAnswer answer = CustomerAnswer::None;
    QString note; ///< required by Transfer (派发说明)
    QString mergeTarget; ///< required by Merge: the surviving ticket's id
    QString targetGroup; ///< required by Transfer: the receiving group (department)
    /// The id of the internal note a transfer's note becomes (the receiving group reads it on the ticket);
    /// made where the transfer is made, so every side writes the same note once.
    QString noteId {};
    /// The customer's satisfaction score, 1 (very dissatisfied) to 5 (very satisfied); 0: not given. Optional on
    /// Close (the answer follows from it when not chosen), required by Rate.
    int satisfaction = 0;
    QString satisfactionComment {};
};

/// The ticket state machine (工单生命周期): 待接单 → 处理中 → 待客户确认 → 已关闭, with 待跟进 when the
/// customer is not satisfied, spam and merged. Pure rules; every refusal carries a reason.
class Lifecycle {
    Q_DECLARE_TR_FUNCTIONS(Lifecycle)

public:
    /// The status the request leads to from `from`, or why it is refused.
    static Result<TicketStatus> apply(TicketStatus from, const TransitionRequest& request);

    /// The actions legal from `from` (ignoring the request's own arguments): what the UI offers.
    static QList<TicketAction> availableActions(TicketStatus from);

    /// True when some action, with suitable arguments, leads from `from` to `to`.
    static bool canReach(TicketStatus from, TicketStatus to);

    /// Open statuses count toward queues, load and SLA; closed, spam and merged do not.
    static bool isOpen(TicketStatus status);

    static QString actionKey(TicketAction action);
    static std::optional<TicketAction> actionFromKey(const QString& key);
    static QString actionName(TicketAction action);
    /// The name as a button or menu shows it: first letter upper case ("Close" / "关闭").
    static QString actionTitle(TicketAction action);
    static QString answerKey(CustomerAnswer answer);
    /// The lowest score that still counts as satisfied; below it a score reopens the ticket for a second follow-up.
    static constexpr int kLowestSatisfiedScore = 3;
    static std::optional<CustomerAnswer> answerFromKey(const QString& key);
};

} // namespace gongdan
