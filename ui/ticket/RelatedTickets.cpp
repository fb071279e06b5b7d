#include "ui/ticket/RelatedTickets.h"

#include "storage/TicketRepository.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gongdan {

RelatedTickets::RelatedTickets(const Workstation& workstation, QWidget* parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_rows(new QGridLayout)
    , m_linkLabel(new QLabel(this))
    , m_linkNumber(new QLineEdit(this))
    , m_link(new QPushButton(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("relatedTickets"));
    m_linkNumber->setObjectName(QStringLiteral("linkNumber"));
    m_link->setObjectName(QStringLiteral("linkTicket"));
    m_error->setObjectName(QStringLiteral("linkError"));
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_linkLabel->setBuddy(m_linkNumber);
    m_linkNumber->setClearButtonEnabled(true);
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setColumnStretch(1, 1);

    auto* linkRow = new QHBoxLayout;
    linkRow->addWidget(m_linkLabel);
    linkRow->addWidget(m_linkNumber, 1);
    linkRow->addWidget(m_link);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rows);
    layout->addLayout(linkRow);
    layout->addWidget(m_error);

    connect(m_link, &QPushButton::clicked, this, &RelatedTickets::linkTyped);
    connect(m_linkNumber, &QLineEdit::returnPressed, this, &RelatedTickets::linkTyped);
    connect(m_linkNumber, &QLineEdit::textEdited, m_error, &QLabel::hide);
    retranslate();
}

void RelatedTickets::retranslate()
{
    m_linkLabel->setText(tr("&Link a related ticket:"));
    m_linkNumber->setPlaceholderText(tr("Ticket number, e.g. G20261205001"));
    m_linkNumber->setAccessibleName(tr("Number of the ticket to link"));
    m_link->setText(tr("Link"));
    m_link->setToolTip(tr("Record the two tickets as related, on both"));
    rebuild();
}

void RelatedTickets::setTicket(const Ticket& ticket, bool readOnly)
{
    if (ticket.id != m_ticket.id) {
        m_linkNumber->clear();
        m_error->hide();
    }
    m_ticket = ticket;
    m_readOnly = readOnly;
    m_linkNumber->setEnabled(!readOnly);
    m_link->setEnabled(!readOnly);
    rebuild();
}

QPushButton* RelatedTickets::ticketButton(const QString& id, const QString& objectName)
{
    const std::optional<Ticket> other = m_ws.tickets.find(id);
    auto* button = new QPushButton(this);
    button->setObjectName(objectName);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setStyleSheet(QStringLiteral("QPushButton { color:#1565c0; text-align:left; padding:0 2px; }"));
    if (other) {
        const QString subject
            = other->subject.size() > 30 ? QString(other->subject.left(29) + QChar(0x2026)) : other->subject;
        button->setText(QStringLiteral("%1 %2").arg(other->number, subject));
        button->setToolTip(tr("Open %1").arg(other->number));
        button->setProperty("ticketNumber", other->number);
        connect(button, &QPushButton::clicked, this, [this, id] { Q_EMIT openTicketRequested(id); });
    } else {
        button->setText(tr("a ticket you cannot see"));
        button->setEnabled(false);
    }
    return button;
}

void RelatedTickets::rebuild()
{
    for (QWidget* old : std::as_const(m_rowWidgets)) { // later: a click on one of them may be what rebuilds
        m_rows->removeWidget(old);
        old->hide();
        old->deleteLater();
    }
    m_rowWidgets.clear();
    int row = 0;
    const auto heading = [&](const QString& text) {
        auto* label = new QLabel(text, this);
        m_rows->addWidget(label, row, 0, Qt::AlignTop);
        m_rowWidgets.append(label);
    };
    if (!m_ticket.mergedInto.isEmpty()) {
        heading(tr("Merged into:"));
        QPushButton* into = ticketButton(m_ticket.mergedInto, QStringLiteral("mergedInto"));
        m_rows->addWidget(into, row++, 1);
        m_rowWidgets.append(into);
    }
    if (!m_ticket.mergedFrom.isEmpty()) {
        heading(tr("Merged from:"));
        auto* sources = new QWidget(this);
        auto* line = new QHBoxLayout(sources);
        line->setContentsMargins(0, 0, 0, 0);
        for (const QString& id : std::as_const(m_ticket.mergedFrom))
            line->addWidget(ticketButton(id, QStringLiteral("mergedFrom")));
        line->addStretch(1);
        m_rows->addWidget(sources, row++, 1);
        m_rowWidgets.append(sources);
    }
    if (!m_ticket.links.isEmpty())
        heading(tr("Related:"));
    for (const QString& id : std::as_const(m_ticket.links)) {
        QPushButton* open = ticketButton(id, QStringLiteral("relatedTicket"));
        m_rows->addWidget(open, row, 1);
        m_rowWidgets.append(open);
        auto* unlink = new QPushButton(tr("Unlink"), this);
        unlink->setObjectName(QStringLiteral("unlinkTicket"));
        unlink->setProperty("ticketId", id);
        unlink->setEnabled(!m_readOnly);
        unlink->setToolTip(tr("No longer record these two tickets as related"));
        connect(unlink, &QPushButton::clicked, this, [this, id] { this->unlink(id); });
        m_rows->addWidget(unlink, row++, 2);
        m_rowWidgets.append(unlink);
    }
}

void RelatedTickets::linkTyped()
{
    const QString number = m_linkNumber->text().trimmed();
    if (number.isEmpty() || m_ticket.id.isEmpty())
        return;
    const std::optional<Ticket> other = m_ws.tickets.findByNumber(number);
    if (!other) {
        showError(tr("No ticket you can see has the number %1.").arg(number));
        return;
    }
    if (m_ticket.links.contains(other->id)) {
        showError(tr("%1 is already linked to this ticket.").arg(other->number));
        return;
    }
    auto linked = m_ws.tickets.link(m_ticket.id, other->id, true, m_ws.session.principal());
    if (!linked) {
        showError(linked.error().message);
        return;
    }
    m_linkNumber->clear();
    m_error->hide();
    Q_EMIT changed();
}

void RelatedTickets::unlink(const QString& otherId)
{
    auto unlinked = m_ws.tickets.link(m_ticket.id, otherId, false, m_ws.session.principal());
    if (!unlinked) {
        showError(unlinked.error().message);
        return;
    }
    m_error->hide();
    Q_EMIT changed();
}

void RelatedTickets::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace gongdan
