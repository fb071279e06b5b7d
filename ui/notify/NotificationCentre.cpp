#include "ui/notify/NotificationCentre.h"

#include "domain/Clock.h"
#include "models/NotificationListModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace gongdan {

NotificationCentre::NotificationCentre(NotificationListModel& model, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_clock(clock)
    , m_bell(new QToolButton(parent))
    , m_panel(new QFrame(parent, Qt::Popup))
    , m_title(new QLabel(m_panel))
    , m_list(new QListView(m_panel))
    , m_markAll(new QPushButton(m_panel))
    , m_openUnread(new QPushButton(m_panel))
    , m_clearAll(new QPushButton(m_panel))
    , m_confirmClear(new QFrame(m_panel))
    , m_confirmText(new QLabel(m_confirmClear))
    , m_confirmYes(new QPushButton(m_confirmClear))
    , m_confirmNo(new QPushButton(m_confirmClear))
    , m_quiet(new QCheckBox(m_panel))
    , m_quietFrom(new QTimeEdit(m_panel))
    , m_quietTo(new QTimeEdit(m_panel))
    , m_quietTill(new QLabel(m_panel))
    , m_empty(new QLabel(m_panel))
{
    hide(); // a holder: the bell and the panel are what is shown
    m_bell->setObjectName(QStringLiteral("notificationBell"));
    m_bell->setAutoRaise(true);
    m_bell->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_bell->setIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation));
    m_panel->setObjectName(QStringLiteral("notificationPanel"));
    m_panel->setFrameShape(QFrame::StyledPanel);
    m_panel->resize(560, 420);
    m_title->setObjectName(QStringLiteral("notificationTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_list->setObjectName(QStringLiteral("notificationList"));
    m_list->setModel(&m_model);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_markAll->setObjectName(QStringLiteral("markAllReadButton"));
    m_openUnread->setObjectName(QStringLiteral("openAllUnreadButton"));
    m_clearAll->setObjectName(QStringLiteral("clearAllButton"));
    m_confirmClear->setObjectName(QStringLiteral("clearConfirmation"));
    m_confirmClear->setFrameShape(QFrame::StyledPanel);
    m_confirmClear->setStyleSheet(QStringLiteral("QFrame#clearConfirmation { background: #fff8e1; }"));
    m_confirmText->setWordWrap(true);
    m_confirmYes->setObjectName(QStringLiteral("clearConfirmButton"));
    m_confirmNo->setObjectName(QStringLiteral("clearKeepButton"));
    m_confirmClear->hide();
    m_quiet->setObjectName(QStringLiteral("quietHoursCheck"));
    m_quietFrom->setObjectName(QStringLiteral("quietFromEdit"));
    m_quietTo->setObjectName(QStringLiteral("quietToEdit"));
    m_quietFrom->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietTo->setDisplayFormat(QStringLiteral("HH:mm"));
    m_empty->setObjectName(QStringLiteral("notificationEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);

    QSettings settings;
    m_quiet->setChecked(settings.value(QStringLiteral("notifications/quiet"), false).toBool());
    m_quietFrom->setTime(QTime::fromString(
        settings.value(QStringLiteral("notifications/quiet_from"), QStringLiteral("22:00")).toString(),
        QStringLiteral("HH:mm")));
    m_quietTo->setTime(
        QTime::fromString(settings.value(QStringLiteral("notifications/quiet_to"), QStringLiteral("08:00")).toString(),
            QStringLiteral("HH:mm")));

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_openUnread);
    header->addWidget(m_markAll);
    header->addWidget(m_clearAll);
    auto* confirm = new QHBoxLayout(m_confirmClear);
    confirm->addWidget(m_confirmText, 1);
    confirm->addWidget(m_confirmNo);
    confirm->addWidget(m_confirmYes);
    auto* quiet = new QHBoxLayout;
    quiet->addWidget(m_quiet);
    quiet->addWidget(m_quietFrom);
    quiet->addWidget(m_quietTill);
    quiet->addWidget(m_quietTo);
    quiet->addStretch(1);
    auto* layout = new QVBoxLayout(m_panel);
    layout->addLayout(header);
    layout->addWidget(m_confirmClear);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(quiet);

    connect(m_bell, &QToolButton::clicked, this, &NotificationCentre::showPanel);
    connect(m_markAll, &QPushButton::clicked, &m_model, &NotificationListModel::markAllRead);
    connect(m_openUnread, &QPushButton::clicked, this, &NotificationCentre::openAllUnread);
    connect(m_clearAll, &QPushButton::clicked, this, &NotificationCentre::askToClear);
    connect(m_confirmNo, &QPushButton::clicked, m_confirmClear, &QWidget::hide);
    connect(m_confirmYes, &QPushButton::clicked, this, [this] {
        m_confirmClear->hide();
        m_model.clearAll();
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        const QString ticketId = index.data(NotificationListModel::TicketIdRole).toString();
        m_model.markRead(index.row());
        m_panel->hide();
        if (!ticketId.isEmpty())
            Q_EMIT openTicketRequested(ticketId);
    });
    connect(&m_model, &NotificationListModel::unreadCountChanged, this, &NotificationCentre::updateBell);
    connect(&m_model, &NotificationListModel::modelReset, this, [this] {
        m_list->setVisible(m_model.rowCount() > 0);
        m_empty->setVisible(m_model.rowCount() == 0);
        m_clearAll->setEnabled(m_model.rowCount() > 0);
    });
    connect(&m_model, &NotificationListModel::arrived, this, &NotificationCentre::toast);
    connect(m_quiet, &QCheckBox::toggled, this, &NotificationCentre::saveQuietHours);
    connect(m_quietFrom, &QTimeEdit::timeChanged, this, &NotificationCentre::saveQuietHours);
    connect(m_quietTo, &QTimeEdit::timeChanged, this, &NotificationCentre::saveQuietHours);
    m_list->setVisible(m_model.rowCount() > 0);
    m_empty->setVisible(m_model.rowCount() == 0);
    m_clearAll->setEnabled(m_model.rowCount() > 0);
    retranslate();
}

void NotificationCentre::retranslate()
{
    m_title->setText(tr("Notifications"));
    m_markAll->setText(tr("Mark all read"));
    m_openUnread->setText(tr("Open all unread"));
    m_clearAll->setText(tr("Clear all"));
    m_confirmYes->setText(tr("Clear"));
    m_confirmNo->setText(tr("Keep"));
    m_quiet->setText(tr("Do not disturb"));
    m_quietTill->setText(tr("to"));
    m_empty->setText(tr("No notifications."));
    m_list->setAccessibleName(tr("Notifications"));
    m_quietFrom->setAccessibleName(tr("Do not disturb from"));
    m_quietTo->setAccessibleName(tr("Do not disturb until"));
    updateBell(m_model.unreadCount());
    if (m_panel->layout())
        m_panel->layout()->activate(); // the new words' widths, before the panel is next painted
}

void NotificationCentre::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NotificationCentre::updateBell(int unread)
{
    m_bell->setText(unread > 0 ? tr("Notifications %1").arg(unread) : tr("Notifications"));
    m_bell->setToolTip(unread > 0 ? tr("%n unread notification(s)", nullptr, unread) : tr("No unread notifications"));
    m_openUnread->setEnabled(unread > 0);
    QFont font = m_bell->font();
    font.setBold(unread > 0);
    m_bell->setFont(font);
}

void NotificationCentre::askToClear()
{
    m_confirmText->setText(
        tr("Clear all %n notification(s)? They are gone from your other desks too.", nullptr, m_model.rowCount()));
    m_confirmClear->show();
    m_confirmNo->setFocus();
}

void NotificationCentre::openAllUnread()
{
    const QStringList tickets = m_model.openAllUnread();
    if (tickets.isEmpty())
        return;
    m_panel->hide();
    for (const QString& ticketId : tickets)
        Q_EMIT openTicketRequested(ticketId);
}

void NotificationCentre::showPanel()
{
    const QPoint below = m_bell->mapToGlobal(QPoint(m_bell->width(), 0));
    m_panel->move(below.x() - m_panel->width(), below.y() - m_panel->height());
    m_panel->show();
    m_list->setFocus();
}

bool NotificationCentre::quietAt(const QTime& time) const
{
    if (!m_quiet->isChecked())
        return false;
    const QTime from = m_quietFrom->time();
    const QTime to = m_quietTo->time();
    if (from == to)
        return true; // all day
    return from < to ? time >= from && time < to : time >= from || time < to;
}

void NotificationCentre::saveQuietHours()
{
    QSettings settings;
    settings.setValue(QStringLiteral("notifications/quiet"), m_quiet->isChecked());
    settings.setValue(
        QStringLiteral("notifications/quiet_from"), m_quietFrom->time().toString(QStringLiteral("HH:mm")));
    settings.setValue(QStringLiteral("notifications/quiet_to"), m_quietTo->time().toString(QStringLiteral("HH:mm")));
}

void NotificationCentre::toast(const QList<Notification>& fresh)
{
    if (fresh.isEmpty() || quietAt(m_clock.now().toLocalTime().time()))
        return;
    const Notification& newest = fresh.first();
    const QString title = fresh.size() == 1 ? NotificationListModel::typeLabel(newest.type)
                                            : tr("%n new notification(s)", nullptr, static_cast<int>(fresh.size()));
    const QString body = newest.ticketNumber + QLatin1Char(' ') + newest.subject;
    m_toasts.append(title + QLatin1Char('\n') + body);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &NotificationCentre::showPanel);
        m_tray->show();
    }
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, 8000);
    QApplication::beep();
}

} // namespace gongdan
