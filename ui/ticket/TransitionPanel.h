#pragma once

#include "domain/Lifecycle.h"
#include "ui/common/Workstation.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace gongdan {

/// The inline panel under the ticket header that asks what a transition needs before it runs:
/// the solution (wait for customer), the resolution, the customer's answer and optional 1–5 score (close), the
/// score and what the customer said (rate, on a closed ticket), the receiving
/// group and a note (transfer), the ticket to merge into (merge). Refusals appear next to the field
/// they concern; nothing is asked in a modal box.
class TransitionPanel : public QWidget {
    Q_OBJECT

public:
    TransitionPanel(const Workstation& workstation, QWidget* parent = nullptr);

    /// Shows the panel for `action` with only the inputs it needs, focused on the first. A transfer offers
    /// every group but `currentGroup`, the one the ticket is in already.
    void ask(TicketAction action, const QString& currentGroup = {});
    /// Asks again with what a refused request held (AttentionPanel: edit and resend).
    void askAgain(const TransitionRequest& request, const QString& mergeNumber);
    /// The transition was made: the panel closes and forgets what was typed for it. (Cancelled, it keeps it
    /// for the next time it is asked.)
    void finish();
    TicketAction action() const { return m_action; }
    /// The request built from the inputs; the merge target's number is resolved by the editor.
    TransitionRequest request() const;
    QString mergeTargetNumber() const;
    void showError(const QString& field, const QString& message);
    void retranslate();

Q_SIGNALS:
    void confirmed();
    void cancelled();

private:
    void fillGroups();

    const Workstation& m_ws;
    TicketAction m_action = TicketAction::Accept;
    QString m_currentGroup;
    QLabel* m_title;
    QLabel* m_resolutionLabel;
    QPlainTextEdit* m_resolution;
    QLabel* m_answerLabel;
    QComboBox* m_answer;
    QLabel* m_scoreLabel;
    QComboBox* m_score;
    QLabel* m_scoreCommentLabel;
    QLineEdit* m_scoreComment;
    QLabel* m_groupLabel;
    QComboBox* m_group;
    QLabel* m_noteLabel;
    QPlainTextEdit* m_note;
    QLabel* m_mergeLabel;
    QLineEdit* m_mergeTarget;
    QLabel* m_error;
    QPushButton* m_confirm;
    QPushButton* m_cancel;
};

} // namespace gongdan
