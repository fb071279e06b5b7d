#include "ui/ticket/TransitionPanel.h"

#include "domain/TicketTransition.h"
#include "storage/TeamDirectory.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace gongdan {

TransitionPanel::TransitionPanel(const Workstation& workstation, QWidget* parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_title(new QLabel(this))
    , m_resolutionLabel(new QLabel(this))
    , m_resolution(new QPlainTextEdit(this))
    , m_answerLabel(new QLabel(this))
    , m_answer(new QComboBox(this))
    , m_scoreLabel(new QLabel(this))
    , m_score(new QComboBox(this))
    , m_scoreCommentLabel(new QLabel(this))
    , m_scoreComment(new QLineEdit(this))
    , m_groupLabel(new QLabel(this))
    , m_group(new QComboBox(this))
    , m_noteLabel(new QLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_mergeLabel(new QLabel(this))
    , m_mergeTarget(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_confirm(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("transitionPanel"));
    setAutoFillBackground(true);
    m_resolution->setObjectName(QStringLiteral("transitionResolution"));
    m_answer->setObjectName(QStringLiteral("transitionAnswer"));
    m_score->setObjectName(QStringLiteral("transitionScore"));
    m_scoreComment->setObjectName(QStringLiteral("transitionScoreComment"));
    m_scoreComment->setMaxLength(kMaxSatisfactionComment);
    m_group->setObjectName(QStringLiteral("transitionGroup"));
    m_note->setObjectName(QStringLiteral("transitionNote"));
    m_mergeTarget->setObjectName(QStringLiteral("transitionMergeTarget"));
    m_error->setObjectName(QStringLiteral("transitionError"));
    m_confirm->setObjectName(QStringLiteral("transitionConfirm"));
    m_cancel->setObjectName(QStringLiteral("transitionCancel"));
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_title->setStyleSheet(QStringLiteral("font-weight:bold"));
    for (QPlainTextEdit* edit : {m_resolution, m_note}) {
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(80);
    }
    m_resolutionLabel->setBuddy(m_resolution);
    m_answerLabel->setBuddy(m_answer);
    m_scoreLabel->setBuddy(m_score);
    m_scoreCommentLabel->setBuddy(m_scoreComment);
    m_groupLabel->setBuddy(m_group);
    m_noteLabel->setBuddy(m_note);
    m_mergeLabel->setBuddy(m_mergeTarget);

    auto* form = new QFormLayout;
    form->addRow(m_resolutionLabel, m_resolution);
    form->addRow(m_answerLabel, m_answer);
    form->addRow(m_scoreLabel, m_score);
    form->addRow(m_scoreCommentLabel, m_scoreComment);
    form->addRow(m_groupLabel, m_group);
    form->addRow(m_noteLabel, m_note);
    form->addRow(m_mergeLabel, m_mergeTarget);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addLayout(buttons);
    m_confirm->setDefault(true);
    connect(m_confirm, &QPushButton::clicked, this, &TransitionPanel::confirmed);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT cancelled();
    });
    auto* confirm = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    confirm->setContext(Qt::WidgetWithChildrenShortcut);
    connect(confirm, &QShortcut::activated, this, &TransitionPanel::confirmed);
    auto* cancel = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancel->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancel, &QShortcut::activated, m_cancel, &QPushButton::click);
    retranslate();
    hide();
}

void TransitionPanel::retranslate()
{
    m_resolutionLabel->setText(tr("&Solution"));
    m_answerLabel->setText(tr("Customer's &answer"));
    m_scoreLabel->setText(tr("Satisfaction &score"));
    m_scoreCommentLabel->setText(tr("Customer's &comment"));
    m_groupLabel->setText(tr("To &group"));
    m_noteLabel->setText(tr("&Note for the group"));
    m_mergeLabel->setText(tr("&Merge into ticket"));
    m_mergeTarget->setPlaceholderText(tr("Ticket number, e.g. G20231001001"));
    m_confirm->setText(tr("Confirm (Ctrl+Enter)"));
    m_cancel->setText(tr("Cancel (Esc)"));
    for (QLabel* label :
        {m_resolutionLabel, m_answerLabel, m_scoreLabel, m_scoreCommentLabel, m_groupLabel, m_noteLabel, m_mergeLabel})
        label->buddy()->setAccessibleName(label->text().remove(QLatin1Char('&')));
    const int answer = m_answer->currentIndex();
    m_answer->clear();
    m_answer->addItem(tr("(choose)"), Lifecycle::answerKey(CustomerAnswer::None));
    m_answer->addItem(tr("Satisfied"), Lifecycle::answerKey(CustomerAnswer::Satisfied));
    m_answer->addItem(tr("Not satisfied: follow up"), Lifecycle::answerKey(CustomerAnswer::NotSatisfied));
    m_answer->setCurrentIndex(std::max(0, answer));
    const int score = m_score->currentIndex();
    m_score->clear();
    m_score->addItem(m_action == TicketAction::Rate ? tr("(choose)") : tr("(not asked)"), 0);
    m_score->addItem(tr("5 – very satisfied"), 5);
    m_score->addItem(tr("4 – satisfied"), 4);
    m_score->addItem(tr("3 – neutral"), 3);
    m_score->addItem(tr("2 – dissatisfied: follow up"), 2);
    m_score->addItem(tr("1 – very dissatisfied: follow up"), 1);
    m_score->setCurrentIndex(std::max(0, score));
    fillGroups();
    if (isVisible())
        m_title->setText(Lifecycle::actionTitle(m_action));
}

void TransitionPanel::fillGroups()
{
    const QString current = m_group->currentData().toString();
    m_group->clear();
    m_group->addItem(tr("(choose)"), QString());
    for (const QString& id : m_ws.directory.groupIds()) {
        if (id == m_currentGroup)
            continue; // transferring to where the ticket is moves nothing
        m_group->addItem(m_ws.directory.groupName(id, QLocale().language() == QLocale::Chinese), id);
    }
    m_group->setCurrentIndex(std::max(0, m_group->findData(current)));
}

void TransitionPanel::ask(TicketAction action, const QString& currentGroup)
{
    m_action = action;
    if (currentGroup != m_currentGroup) {
        m_currentGroup = currentGroup;
        fillGroups();
    }
    const bool solution = action == TicketAction::Close || action == TicketAction::RequestConfirmation;
    const bool answer = action == TicketAction::Close;
    const bool score = answer || action == TicketAction::Rate;
    const bool transfer = action == TicketAction::Transfer;
    const bool merge = action == TicketAction::Merge;
    m_resolutionLabel->setVisible(solution);
    m_resolution->setVisible(solution);
    m_answerLabel->setVisible(answer);
    m_answer->setVisible(answer);
    m_scoreLabel->setVisible(score);
    m_score->setVisible(score);
    m_scoreCommentLabel->setVisible(score);
    m_scoreComment->setVisible(score);
    m_score->setItemText(0, action == TicketAction::Rate ? tr("(choose)") : tr("(not asked)"));
    m_groupLabel->setVisible(transfer);
    m_group->setVisible(transfer);
    m_noteLabel->setVisible(transfer);
    m_note->setVisible(transfer);
    m_mergeLabel->setVisible(merge);
    m_mergeTarget->setVisible(merge);
    m_error->clear();
    m_title->setText(Lifecycle::actionTitle(action));
    show();
    QWidget* first = solution ? static_cast<QWidget*>(m_resolution)
        : transfer            ? static_cast<QWidget*>(m_group)
        : merge               ? static_cast<QWidget*>(m_mergeTarget)
        : score               ? static_cast<QWidget*>(m_score)
                              : static_cast<QWidget*>(m_confirm);
    first->setFocus();
}

void TransitionPanel::askAgain(const TransitionRequest& request, const QString& mergeNumber)
{
    ask(request.action);
    m_resolution->setPlainText(request.resolution);
    m_answer->setCurrentIndex(std::max(0, m_answer->findData(Lifecycle::answerKey(request.answer))));
    m_score->setCurrentIndex(std::max(0, m_score->findData(request.satisfaction)));
    m_scoreComment->setText(request.satisfactionComment);
    m_note->setPlainText(request.note);
    m_group->setCurrentIndex(std::max(0, m_group->findData(request.targetGroup)));
    m_mergeTarget->setText(mergeNumber);
}

void TransitionPanel::finish()
{
    hide();
    m_resolution->clear();
    m_note->clear();
    m_mergeTarget->clear();
    m_answer->setCurrentIndex(0);
    m_score->setCurrentIndex(0);
    m_scoreComment->clear();
    m_error->clear();
}

TransitionRequest TransitionPanel::request() const
{
    TransitionRequest request;
    request.action = m_action;
    request.resolution = m_resolution->toPlainText().trimmed();
    request.answer = Lifecycle::answerFromKey(m_answer->currentData().toString()).value_or(CustomerAnswer::None);
    request.satisfaction = m_score->currentData().toInt();
    request.satisfactionComment = m_scoreComment->text().trimmed();
    request.note = m_note->toPlainText().trimmed();
    request.targetGroup = m_group->currentData().toString();
    return request;
}

QString TransitionPanel::mergeTargetNumber() const
{
    return m_mergeTarget->text().trimmed().toUpper();
}

void TransitionPanel::showError(const QString& field, const QString& message)
{
    m_error->setText(message);
    const QHash<QString, QWidget*> editors {{QStringLiteral("resolution"), m_resolution},
        {QStringLiteral("answer"), m_answer}, {QStringLiteral("satisfaction"), m_score},
        {QStringLiteral("satisfaction_comment"), m_scoreComment}, {QStringLiteral("target_group"), m_group},
        {QStringLiteral("note"), m_note}, {QStringLiteral("merge_target"), m_mergeTarget}};
    if (QWidget* editor = editors.value(field); editor && editor->isVisible())
        editor->setFocus();
}

} // namespace gongdan
