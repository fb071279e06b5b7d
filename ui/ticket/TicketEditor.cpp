#include "ui/ticket/TicketEditor.h"

#include "domain/Clock.h"
#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "domain/TicketTransition.h"
#include "models/TicketQueueModel.h"
#include "models/TimelineModel.h"
#include "storage/ChangeStream.h"
#include "storage/CustomerRepository.h"
#include "storage/DraftStore.h"
#include "storage/NeedsAttention.h"
#include "storage/Outbox.h"
#include "storage/SyncCache.h"
#include "storage/TicketRepository.h"
#include "ui/attachment/AttachmentStrip.h"
#include "ui/ticket/AttentionPanel.h"
#include "ui/ticket/RelatedTickets.h"
#include "ui/ticket/SlaLabel.h"
#include "ui/ticket/TicketComposer.h"
#include "ui/ticket/TicketDetails.h"
#include "ui/ticket/TimelineDelegate.h"
#include "ui/ticket/TransitionPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace gongdan {

namespace {

QString badge(const QString& text, const QString& colour)
{
    return QStringLiteral("<span style=\"background:%1;color:white;padding:2px 6px\">&nbsp;%2&nbsp;</span>")
        .arg(colour, text.toHtmlEscaped());
}

} // namespace

TicketEditor::TicketEditor(const Workstation& workstation, const QString& ticketId, QWidget* parent)
    : WorkPage(parent)
    , m_ws(workstation)
    , m_number(new QLabel(this))
    , m_status(new QLabel(this))
    , m_priority(new QLabel(this))
    , m_sla(new SlaLabel(this))
    , m_banner(new QLabel(this))
    , m_discardDraft(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_actions(new QHBoxLayout)
    , m_save(new QPushButton(this))
    , m_transition(new TransitionPanel(workstation, this))
    , m_related(new RelatedTickets(workstation, this))
    , m_details(new TicketDetails(workstation, this))
    , m_timelineModel(new TimelineModel(workstation.directory, this))
    , m_timeline(new QListView(this))
    , m_composer(new TicketComposer(workstation, this))
    , m_draftTimer(new QTimer(this))
    , m_slaTimer(new QTimer(this))
    , m_arriving(new QLabel(this))
    , m_arrivingTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("ticketEditor"));
    m_number->setObjectName(QStringLiteral("ticketNumber"));
    m_status->setObjectName(QStringLiteral("ticketStatus"));
    m_priority->setObjectName(QStringLiteral("ticketPriority"));
    m_banner->setObjectName(QStringLiteral("draftBanner"));
    m_discardDraft->setObjectName(QStringLiteral("draftDiscard"));
    m_error->setObjectName(QStringLiteral("editorError"));
    m_save->setObjectName(QStringLiteral("saveTicket"));
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_arriving->setObjectName(QStringLiteral("conversationArriving"));
    m_timelineModel->setDefinitions(m_ws.fields.definitions());
    m_timelineModel->setTicketNames([this](const QString& id) {
        const std::optional<Ticket> linked = m_ws.tickets.find(id);
        return linked ? linked->number : QString();
    });
    m_timelineModel->setCustomerNames([this](const QString& id) {
        const std::optional<Customer> customer = m_ws.customers.find(id);
        return customer ? customer->name : QString();
    });
    m_arriving->setWordWrap(true);
    m_arriving->setStyleSheet(QStringLiteral("background:#fff4ce;padding:4px"));
    m_arriving->hide();
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_number->setFont(big);
    m_banner->setStyleSheet(QStringLiteral("background:#e3f2fd;padding:4px"));
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_banner->hide();
    m_discardDraft->hide();
    m_timeline->setModel(m_timelineModel);
    m_timeline->setWordWrap(true);
    m_timeline->setItemDelegate(new TimelineDelegate(m_timeline));
    m_timeline->setResizeMode(QListView::Adjust); // heights follow the width
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto* header = new QHBoxLayout;
    header->addWidget(m_number);
    header->addWidget(m_status);
    header->addWidget(m_priority);
    header->addSpacing(12);
    header->addWidget(m_sla);
    header->addStretch(1);
    header->addWidget(m_save);
    auto* bannerRow = new QHBoxLayout;
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_discardDraft);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_details);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_related);
    rightLayout->addWidget(m_arriving);
    rightLayout->addWidget(m_timeline, 1);
    // The conversation's files as chips under it; files dropped on either are attached by the composer.
    auto* files = new AttachmentStrip({m_ws.attachments, m_ws.transfer}, right);
    files->acceptDropsOn(m_timeline->viewport());
    connect(m_timelineModel, &TimelineModel::modelReset, files,
        [this, files] { files->setFiles(m_timelineModel->attachments()); });
    connect(files, &AttachmentStrip::filesDropped, m_composer, &TicketComposer::attachFiles);
    rightLayout->addWidget(files);
    rightLayout->addWidget(m_composer);
    auto* split = new QSplitter(this);
    split->setObjectName(QStringLiteral("editorSplitter"));
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 6);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(m_actions);
    layout->addWidget(m_transition);
    layout->addLayout(bannerRow);
    m_attention = new AttentionPanel(workstation, this);
    layout->addWidget(m_attention);
    layout->addWidget(m_error);
    m_conflicts = new QLabel(this);
    m_conflicts->setObjectName(QStringLiteral("conflictBanner"));
    m_conflicts->setWordWrap(true);
    m_conflicts->setTextInteractionFlags(Qt::TextSelectableByMouse); // the replaced text can be copied back
    m_conflicts->setStyleSheet(QStringLiteral("background: #fdecea; border: 1px solid #f1aeb5; padding: 4px;"));
    m_conflicts->hide();
    layout->addWidget(m_conflicts);
    layout->addWidget(split, 1);

    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(500);
    connect(m_draftTimer, &QTimer::timeout, this, &TicketEditor::saveDraft);
    connect(m_slaTimer, &QTimer::timeout, this, &TicketEditor::refreshHeader);
    m_slaTimer->start(30 * 1000);
    m_arrivingTimer->setInterval(1000);
    connect(m_arrivingTimer, &QTimer::timeout, this, &TicketEditor::showArriving);
    connect(m_details, &TicketDetails::edited, this, &TicketEditor::editedSomething);
    connect(m_composer, &TicketComposer::edited, this, &TicketEditor::editedSomething);
    connect(m_composer, &TicketComposer::sent, this, [this] {
        saveDraft();
        reload(); // the fields the agent is still editing stay as typed
    });
    connect(m_save, &QPushButton::clicked, this, &TicketEditor::save);
    connect(m_discardDraft, &QPushButton::clicked, this, &TicketEditor::discard);
    connect(m_transition, &TransitionPanel::confirmed, this, &TicketEditor::confirmTransition);
    connect(m_related, &RelatedTickets::openTicketRequested, this, &WorkPage::openTicketRequested);
    connect(m_related, &RelatedTickets::changed, this, &TicketEditor::reload);
    connect(m_attention, &AttentionPanel::editAgain, this, &TicketEditor::editAgain);
    connect(m_attention, &AttentionPanel::resendTicket, this, &TicketEditor::resend);
    connect(m_attention, &AttentionPanel::discarded, this, [this] {
        m_ws.changes.publish({StoreChange::Kind::Attention | StoreChange::Kind::Tickets, {m_ticket.id}});
        if (!m_ws.tickets.find(m_ticket.id)) { // a refused new ticket, discarded: nothing left to show
            m_ticket.id.clear();
            Q_EMIT closeRequested();
            return;
        }
        load();
    });
    connect(m_attention, &AttentionPanel::removeDeparted, this, [this] {
        const QString id = m_ticket.id;
        NeedsAttention(m_ws.db).acknowledge(id);
        m_ticket.id.clear();
        m_ws.changes.publish({StoreChange::Kind::Attention | StoreChange::Kind::Tickets, {id}});
        Q_EMIT closeRequested();
    });
    connect(m_transition, &TransitionPanel::cancelled, this, [this] { m_details->setFocus(); });
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &TicketEditor::save);

    m_ticket.id = ticketId;
    retranslate();
    load();
    if (isValid())
        restoreDraft();
}

QString TicketEditor::title() const
{
    const QString subject
        = m_ticket.subject.size() > 16 ? QString(m_ticket.subject.left(15) + QChar(0x2026)) : m_ticket.subject;
    return QStringLiteral("%1 %2").arg(m_ticket.number, subject);
}

void TicketEditor::retranslate()
{
    m_number->setAccessibleName(tr("Ticket number"));
    m_save->setText(tr("Save (Ctrl+S)"));
    m_save->setToolTip(
        tr("Store the edited fields (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_discardDraft->setText(tr("Discard my edits"));
    m_timeline->setAccessibleName(tr("Timeline"));
    m_arriving->setText(tr("This ticket's conversation is still arriving from the team server (first sync); it "
                           "appears here by itself."));
    m_details->retranslate();
    m_composer->retranslate();
    m_transition->retranslate();
    m_related->retranslate();
    m_timelineModel->setEntries(m_ws.tickets.comments(m_ticket.id), m_ws.tickets.events(m_ticket.id));
    refreshHeader();
    rebuildActions();
}

void TicketEditor::load()
{
    const auto ticket = m_ws.tickets.find(m_ticket.id);
    if (!ticket) {
        m_error->setText(tr("This ticket no longer exists in the local store."));
        m_error->show();
        m_ticket.id.clear();
        setEnabled(false);
        return;
    }
    m_ticket = *ticket;
    m_attention->showFor(m_ticket.id);
    m_details->setTicket(m_ticket);
    // A ticket that left the agent's sight is shown as it was, no longer theirs to change.
    m_details->setReadOnly(!Lifecycle::isOpen(m_ticket.status) || m_attention->departed());
    m_composer->setTicketId(m_ticket.id);
    m_composer->setEnabled(!m_attention->departed());
    m_related->setTicket(m_ticket, m_attention->departed());
    QSet<QString> unsent;
    QSet<QString> refusedChanges;
    for (const RefusedChange& refused : NeedsAttention(m_ws.db).refused(m_ticket.id)) {
        refusedChanges.insert(refused.entry.mutationId);
        if (refused.entry.name == intent::CommentAdd)
            unsent.insert(
                refused.entry.args.value(QStringLiteral("comment")).toObject().value(QStringLiteral("id")).toString());
    }
    m_timelineModel->setEntries(
        m_ws.tickets.comments(m_ticket.id), m_ws.tickets.events(m_ticket.id), unsent, refusedChanges);
    m_timeline->scrollToBottom();
    refreshHeader();
    rebuildActions();
    showConflicts();
    showArriving();
    Q_EMIT titleChanged();
}

void TicketEditor::showArriving()
{
    const auto arriving = m_ws.tickets.conversationArriving(m_ticket.id, m_ws.session.agentId);
    const bool waiting = arriving.ok() && arriving.value();
    if (!waiting && !m_arriving->isHidden()) // they came: the timeline shows them
        m_timelineModel->setEntries(m_ws.tickets.comments(m_ticket.id), m_ws.tickets.events(m_ticket.id));
    m_arriving->setVisible(waiting);
    if (waiting)
        m_arrivingTimer->start();
    else
        m_arrivingTimer->stop();
}

void TicketEditor::showConflicts()
{
    QStringList lines;
    for (const QJsonObject& conflict : SyncCache::conflictsOf(m_ws.db, m_ticket.id)) {
        const auto text
            = [](const QJsonValue& value) { return value.isString() ? value.toString() : eventText(value); };
        lines.append(
            tr("Two people changed %1 at the same time: it is now “%2”; “%3” was replaced.")
                .arg(conflict.value(QStringLiteral("field")).toString(), text(conflict.value(QStringLiteral("kept"))),
                    text(conflict.value(QStringLiteral("lost")))));
    }
    m_conflicts->setText(lines.join(QLatin1Char('\n')));
    m_conflicts->setVisible(!lines.isEmpty());
}

void TicketEditor::reload()
{
    if (!hasUnsavedChanges()) {
        load();
        return;
    }
    // Keep what the agent typed; show the new state around it.
    const QJsonObject typed = m_details->snapshot();
    load();
    m_details->applySnapshot(typed);
}

void TicketEditor::ticketsChanged(const QStringList& ticketIds)
{
    if (ticketIds.contains(m_ticket.id))
        reload();
}

void TicketEditor::definitionsChanged()
{
    m_timelineModel->setDefinitions(m_ws.fields.definitions());
    m_details->reloadDefinitions();
}

void TicketEditor::refreshHeader()
{
    m_number->setText(m_ticket.number.isEmpty() ? tr("(not numbered yet)") : m_ticket.number);
    QString status = badge(EnumText<TicketStatus>::displayName(m_ticket.status), QStringLiteral("#546e7a"));
    if (m_ticket.satisfaction > 0) { // 满意度: red when it sent the ticket back for a second follow-up
        const int score = m_ticket.satisfaction;
        status += QLatin1Char(' ')
            + badge(tr("Satisfaction %1/5").arg(score),
                score < Lifecycle::kLowestSatisfiedScore        ? QStringLiteral("#c62828")
                    : score == Lifecycle::kLowestSatisfiedScore ? QStringLiteral("#ef6c00")
                                                                : QStringLiteral("#2e7d32"));
    }
    m_status->setText(status);
    m_status->setToolTip(m_ticket.satisfactionComment);
    const QString priorityColour
        = QStringLiteral("#%1").arg(priorityTraits(m_ticket.priority).rgb, 6, 16, QLatin1Char('0'));
    m_priority->setText(badge(EnumText<Priority>::displayName(m_ticket.priority), priorityColour));
    // Changes of this desk the server has not confirmed yet: its clocks are this desk's estimate (R9).
    m_sla->showClock(m_ticket, m_ws.clock.now(),
        [this] { return !Outbox(m_ws.db).undelivered(m_ticket.id, std::numeric_limits<qint64>::max()).isEmpty(); });
}

void TicketEditor::rebuildActions()
{
    qDeleteAll(m_actionButtons);
    m_actionButtons.clear();
    while (QLayoutItem* item = m_actions->takeAt(0))
        delete item;
    if (!isValid() || m_attention->departed() || m_attention->unsent())
        return; // not the agent's to move any more, or not on the server yet
    // Only what is legal now gets a button (工单生命周期).
    int number = 1;
    for (TicketAction action : Lifecycle::availableActions(m_ticket.status)) {
        if (action == TicketAction::RestoreFromSpam && m_ticket.status != TicketStatus::Spam)
            continue;
        // Only a member of the ticket's group may take it (TicketRules): no button that can only fail.
        if (action == TicketAction::Accept && m_ticket.assigneeId != m_ws.session.agentId && !m_ticket.groupId.isEmpty()
            && !m_ws.session.groupIds.contains(m_ticket.groupId))
            continue;
        auto* button = new QPushButton(Lifecycle::actionTitle(action), this);
        button->setObjectName(QStringLiteral("action_") + Lifecycle::actionKey(action));
        if (number <= 9) {
            button->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + number)));
            button->setToolTip(button->shortcut().toString(QKeySequence::NativeText));
        }
        ++number;
        connect(button, &QPushButton::clicked, this, [this, action] { runAction(action); });
        m_actions->addWidget(button);
        m_actionButtons.append(button);
    }
    m_actions->addStretch(0);
}

void TicketEditor::runAction(TicketAction action)
{
    switch (action) {
    case TicketAction::Transfer:
    case TicketAction::RequestConfirmation:
    case TicketAction::Close:
    case TicketAction::Merge:
    case TicketAction::Rate:
        m_transition->ask(action, m_ticket.groupId);
        return;
    default:
        break;
    }
    TransitionRequest request;
    request.action = action;
    if (!hasUnsavedChanges() || save()) {
        auto done = m_ws.tickets.transition(m_ticket.id, request, m_ws.session.principal());
        if (!done) {
            m_error->setText(done.error().message);
            m_error->show();
            return;
        }
        m_error->hide();
        load();
    }
}

void TicketEditor::editAgain(const OutboxEntry& entry)
{
    // The entry left the queue (AttentionPanel); what it held goes back where the agent made it, kept as
    // a draft like anything typed until they send it again.
    if (entry.name == intent::TicketPatch) {
        reload();
        QJsonObject values = m_details->snapshot();
        const QJsonObject patch = entry.args.value(QStringLiteral("patch")).toObject();
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.key() == QLatin1String("custom_fields")) {
                QJsonObject custom = values.value(it.key()).toObject();
                const QJsonObject wanted = it.value().toObject();
                for (auto c = wanted.begin(); c != wanted.end(); ++c)
                    custom.insert(c.key(), c.value());
                values.insert(it.key(), custom);
            } else {
                values.insert(it.key(), it.value());
            }
        }
        m_details->applySnapshot(values);
        m_error->setText(tr("Your refused edit is back in the fields: change what was refused, then save (Ctrl+S)."));
        m_error->show();
    } else if (entry.name == intent::CommentAdd) {
        reload();
        const auto comment = JsonCodec::commentFromJson(entry.args.value(QStringLiteral("comment")).toObject());
        if (comment) {
            // Whatever the agent is writing now stays: the refused reply goes after it.
            const QJsonObject now = m_composer->snapshot();
            const QString typed = now.value(QStringLiteral("text")).toString().trimmed();
            m_composer->applySnapshot(
                {{QStringLiteral("text"),
                     typed.isEmpty() ? comment.value().body : typed + QStringLiteral("\n\n") + comment.value().body},
                    {QStringLiteral("internal"),
                        typed.isEmpty() ? comment.value().visibility == CommentVisibility::Internal
                                        : now.value(QStringLiteral("internal")).toBool()},
                    {QStringLiteral("files"), now.value(QStringLiteral("files"))}});
        }
    } else if (entry.name == intent::TicketTransition) {
        reload();
        if (auto request = transitionFromJson(entry.args)) {
            const auto target = m_ws.tickets.find(request.value().mergeTarget);
            m_transition->askAgain(request.value(), target ? target->number : QString());
        }
    } else if (entry.name == intent::TicketLink) {
        auto linked = m_ws.tickets.link(m_ticket.id, entry.args.value(QStringLiteral("target_id")).toString(),
            entry.args.value(QStringLiteral("linked")).toBool(true), m_ws.session.principal());
        reload();
        if (!linked) {
            m_error->setText(linked.error().message);
            m_error->show();
        }
    }
    saveDraft();
    m_ws.changes.publish({StoreChange::Kind::Attention | StoreChange::Kind::Tickets, {m_ticket.id}});
}

void TicketEditor::resend()
{
    if (hasUnsavedChanges() && !save())
        return;
    auto sent = m_ws.tickets.resend(m_ticket.id, m_ws.session.principal());
    if (!sent) {
        m_details->showError(sent.error().field, sent.error().message);
        m_error->setText(sent.error().message);
        m_error->show();
        return;
    }
    m_error->hide();
    load();
    m_ws.changes.publish({StoreChange::Kind::Attention | StoreChange::Kind::Tickets, {m_ticket.id}});
}

void TicketEditor::closed()
{
    // Opening it showed where it went: seen, it leaves the workstation with its tab.
    if (isValid() && m_attention->departed()) {
        const QString id = m_ticket.id;
        NeedsAttention(m_ws.db).acknowledge(id);
        m_ws.changes.publish({StoreChange::Kind::Attention | StoreChange::Kind::Tickets, {id}});
    }
}

void TicketEditor::confirmTransition()
{
    TransitionRequest request = m_transition->request();
    if (request.action == TicketAction::Merge) {
        const auto target = m_ws.tickets.findByNumber(m_transition->mergeTargetNumber());
        if (!target) {
            m_transition->showError(QStringLiteral("merge_target"), tr("No ticket has that number."));
            return;
        }
        request.mergeTarget = target->id;
    }
    if (hasUnsavedChanges() && !save())
        return;
    auto done = m_ws.tickets.transition(m_ticket.id, request, m_ws.session.principal());
    if (!done) {
        m_transition->showError(done.error().field, done.error().message);
        if (done.error().field == QLatin1String("custom_fields") || m_ws.fields.find(done.error().field))
            m_details->showError(done.error().field, done.error().message);
        return;
    }
    m_transition->finish();
    m_error->hide();
    load();
}

bool TicketEditor::hasUnsavedChanges() const
{
    // A reply being written is not "unsaved": it is kept as a draft until the agent sends it (Send /
    // Ctrl+Enter), and never sent by saving the fields.
    return isValid() && !m_details->patch().isEmpty();
}

bool TicketEditor::save()
{
    const QJsonObject patch = m_details->patch();
    if (patch.isEmpty())
        return true;
    if (!m_details->validate())
        return false;
    auto saved = m_ws.tickets.patch(m_ticket.id, patch, m_ws.session.principal());
    if (!saved) {
        m_details->showError(saved.error().field, saved.error().message);
        m_error->setText(saved.error().message);
        m_error->show();
        return false;
    }
    m_error->hide();
    load();
    saveDraft(); // the composer's text stays in the draft; the fields are stored now
    if (m_composer->isEmpty()) { // nothing typed is left over: the restored draft is done with
        m_banner->hide();
        m_discardDraft->hide();
    }
    return true;
}

void TicketEditor::discard()
{
    m_ws.drafts.remove(DraftStore::ticketKey(m_ws.session.agentId, m_ticket.id));
    m_composer->applySnapshot({});
    load();
    m_banner->hide();
    m_discardDraft->hide();
}

void TicketEditor::editedSomething()
{
    m_draftTimer->start();
}

void TicketEditor::saveDraft()
{
    m_draftTimer->stop();
    if (!isValid())
        return;
    const QString key = DraftStore::ticketKey(m_ws.session.agentId, m_ticket.id);
    if (m_details->patch().isEmpty() && m_composer->isEmpty()) {
        m_ws.drafts.remove(key);
        return;
    }
    const QJsonObject details = m_details->patch().isEmpty() ? QJsonObject() : m_details->snapshot();
    m_ws.drafts.save(key,
        QJsonObject {{QStringLiteral("details"), details}, {QStringLiteral("composer"), m_composer->snapshot()},
            {QStringLiteral("version"), m_ticket.version}});
}

void TicketEditor::restoreDraft()
{
    const auto draft = m_ws.drafts.load(DraftStore::ticketKey(m_ws.session.agentId, m_ticket.id));
    m_banner->setVisible(draft.has_value());
    m_discardDraft->setVisible(draft.has_value());
    if (!draft)
        return;
    const QJsonObject details = draft->body.value(QStringLiteral("details")).toObject();
    if (!details.isEmpty())
        m_details->applySnapshot(details);
    m_composer->applySnapshot(draft->body.value(QStringLiteral("composer")).toObject());
    m_banner->setText(tr("Your unsaved edits from %1 were restored. Save them, or discard them.")
                          .arg(QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)));
}

} // namespace gongdan
