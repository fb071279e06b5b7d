#pragma once

#include <QTime>
#include <QWidget>

class QCheckBox;
class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QSystemTrayIcon;
class QTimeEdit;
class QToolButton;

namespace gongdan {

class Clock;
class NotificationListModel;
struct Notification;

/// The notification centre (workflows.md §9.7): a bell button for the status bar showing the unread count, and the
/// panel it opens — the user's notifications newest first (unread in bold: type, ticket number and subject, time),
/// "Mark all read", "Open all unread", "Clear all" (confirmed in the panel itself), and do-not-disturb hours. Clicking
/// one opens its ticket and reads it. New notifications pop up as a desktop toast through the system tray (only where
/// there is one, and not during do-not-disturb hours).
class NotificationCentre : public QWidget {
    Q_OBJECT

public:
    NotificationCentre(NotificationListModel& model, const Clock& clock, QWidget* parent = nullptr);

    QToolButton* bell() const { return m_bell; }
    QFrame* panel() const { return m_panel; }
    /// Shows the panel under the bell.
    void showPanel();
    /// Whether `time` (local) is within the do-not-disturb hours, when they are on.
    bool quietAt(const QTime& time) const;
    /// The toasts shown so far (for tests and where there is no tray): "title\nbody".
    const QStringList& toasts() const { return m_toasts; }

    void retranslate();

Q_SIGNALS:
    void openTicketRequested(const QString& ticketId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateBell(int unread);
    void toast(const QList<Notification>& fresh);
    void saveQuietHours();
    void askToClear();
    void openAllUnread();

    NotificationListModel& m_model;
    const Clock& m_clock;
    QToolButton* m_bell;
    QFrame* m_panel;
    QLabel* m_title;
    QListView* m_list;
    QPushButton* m_markAll;
    QPushButton* m_openUnread;
    QPushButton* m_clearAll;
    QFrame* m_confirmClear; ///< "Clear all N notifications?" with Clear and Keep, shown in place of a modal box
    QLabel* m_confirmText;
    QPushButton* m_confirmYes;
    QPushButton* m_confirmNo;
    QCheckBox* m_quiet;
    QTimeEdit* m_quietFrom;
    QTimeEdit* m_quietTo;
    QLabel* m_quietTill;
    QLabel* m_empty;
    QSystemTrayIcon* m_tray = nullptr;
    QStringList m_toasts;
};

} // namespace gongdan
