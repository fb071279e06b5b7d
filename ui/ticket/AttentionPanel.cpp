#include "ui/ticket/AttentionPanel.h"

#include "domain/Intents.h"
#include "domain/Lifecycle.h"
#include "domain/RefusalText.h"
#include "domain/TicketTransition.h"
#include "models/FieldText.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/TeamDirectory.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace gongdan {

namespace {

bool chineseUi()
{
    return QLocale().language() == QLocale::Chinese;
}

QString clipped(const QString& text)
{
    const QString line = text.simplified();
    return line.size() > 40 ? QString(line.left(39) + QChar(0x2026)) : line;
}

} // namespace

AttentionPanel::AttentionPanel(const Workstation& workstation, QWidget* parent)
    : QFrame(parent), m_ws(workstation), m_rows(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("attentionPanel"));
    setStyleSheet(QStringLiteral("#attentionPanel { background: #fff4ce; border: 1px solid #e0c97a; }"));
    m_rows->setContentsMargins(8, 6, 8, 6);
    hide();
}

void AttentionPanel::clear()
{
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        if (QLayout* row = item->layout()) {
            while (QLayoutItem* inner = row->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item->widget();
        delete item;
    }
}

QString AttentionPanel::fieldLabel(const QString& field) const
{
    // The server names a custom field by its bare key, a built-in one by its column.
    for (const FieldDefinition& definition : m_ws.fields.definitions()) {
        if (definition.key == field)
            return definition.label(chineseUi());
    }
    return FieldText(m_ws.directory, {}, chineseUi()).label(field);
}

QString AttentionPanel::describe(const RefusedChange& change) const
{
    const FieldText text(m_ws.directory, m_ws.fields.definitions(), chineseUi());
    const QJsonObject& args = change.entry.args;
    QString what;
    if (change.entry.name == intent::TicketCreate) {
        what = tr("Creating this ticket");
    } else if (change.entry.name == intent::TicketPatch) {
        QStringList parts;
        const QJsonObject patch = args.value(QStringLiteral("patch")).toObject();
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.key() == QLatin1String("custom_fields")) {
                const QJsonObject custom = it.value().toObject();
                for (auto c = custom.begin(); c != custom.end(); ++c)
                    parts.append(tr("%1 “%2”").arg(text.label(QStringLiteral("custom_fields.") + c.key()),
                        text.value(QStringLiteral("custom_fields.") + c.key(), c.value())));
            } else {
                parts.append(tr("%1 “%2”").arg(text.label(it.key()), clipped(text.value(it.key(), it.value()))));
            }
        }
        what = tr("Your edit: %1").arg(parts.join(QStringLiteral(", ")));
    } else if (change.entry.name == intent::TicketTransition) {
        const auto action = Lifecycle::actionFromKey(args.value(QStringLiteral("action")).toString());
        what = tr("Your action: %1").arg(action ? Lifecycle::actionName(*action) : QString());
    } else if (change.entry.name == intent::CommentAdd) {
        what = tr("Your reply: “%1”")
                   .arg(clipped(
                       args.value(QStringLiteral("comment")).toObject().value(QStringLiteral("body")).toString()));
    } else if (change.entry.name == intent::TicketLink) {
        what = tr("Your link to another ticket");
    } else {
        what = tr("Your change");
    }
    // A ticket that left the agent's sight before the change arrived: that is the reason, in those words.
    const QString why = m_departed && change.code == QLatin1String("ticket.not_found")
        ? tr("the ticket left your sight before your change reached the team server.")
        : RefusalText::describe(change.code, fieldLabel(change.field), change.message);
    return tr("%1 — refused by the team server: %2").arg(what, why);
}

void AttentionPanel::showFor(const QString& ticketId)
{
    m_ticketId = ticketId;
    clear();
    NeedsAttention attention(m_ws.db);
    const std::optional<Departure> departure = attention.departure(ticketId);
    const QList<RefusedChange> refused = attention.refused(ticketId);
    m_departed = departure.has_value();
    m_unsent = attention.unsent(ticketId);
    const auto addRow = [this](const QString& text, const QList<QPushButton*>& buttons) {
        auto* row = new QHBoxLayout;
        auto* label = new QLabel(text, this);
        label->setObjectName(QStringLiteral("attentionText"));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(label, 1);
        for (QPushButton* button : buttons)
            row->addWidget(button);
        m_rows->addLayout(row);
    };
    const auto button = [this](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    if (departure) {
        const QString group
            = departure->groupId.isEmpty() ? QString() : m_ws.directory.groupName(departure->groupId, chineseUi());
        const QString who = departure->by.isEmpty() ? tr("someone") : m_ws.directory.agentName(departure->by);
        const QString where = !group.isEmpty() ? tr("transferred to %1 by %2").arg(group, who)
            : !departure->assigneeId.isEmpty()
            ? tr("given to %1 by %2").arg(m_ws.directory.agentName(departure->assigneeId), who)
            : tr("moved by %1").arg(who);
        QPushButton* remove = button(tr("Remove from my list"), "attentionRemove");
        connect(remove, &QPushButton::clicked, this, &AttentionPanel::removeDeparted);
        addRow(tr("This ticket left your sight: %1. What you see here is how it was; you can no longer change it.")
                   .arg(where),
            {remove});
    }
    for (const RefusedChange& change : refused) {
        if (m_unsent && change.entry.name != intent::TicketCreate)
            continue; // sent again with the ticket
        QList<QPushButton*> buttons;
        if (change.entry.name == intent::TicketCreate) {
            QPushButton* again = button(tr("Send again"), "attentionResend");
            connect(again, &QPushButton::clicked, this, &AttentionPanel::resendTicket);
            buttons.append(again);
        } else if (!m_departed) { // a ticket no longer theirs cannot take it again (the text can be copied)
            QPushButton* edit = button(tr("Edit and resend"), "attentionEdit");
            connect(edit, &QPushButton::clicked, this, [this, entry = change.entry] {
                // The refused change goes back where it was made; it leaves the queue when it is resent.
                if (NeedsAttention(m_ws.db).discard(entry.seq))
                    Q_EMIT editAgain(entry);
            });
            buttons.append(edit);
        }
        QPushButton* discard = button(
            change.entry.name == intent::TicketCreate ? tr("Discard the ticket") : tr("Discard"), "attentionDiscard");
        connect(discard, &QPushButton::clicked, this, [this, seq = change.entry.seq] {
            if (NeedsAttention(m_ws.db).discard(seq))
                Q_EMIT discarded();
        });
        buttons.append(discard);
        QString text = describe(change);
        if (change.entry.name == intent::TicketCreate)
            text += QLatin1Char(' ') + tr("Fix it below, then send it again — or discard it.");
        addRow(text, buttons);
    }
    setVisible(m_departed || !refused.isEmpty());
}

void AttentionPanel::retranslate()
{
    if (!m_ticketId.isEmpty())
        showFor(m_ticketId);
}

} // namespace gongdan
