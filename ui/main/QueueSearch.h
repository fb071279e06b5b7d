#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gongdan {

class TicketQueueModel;

/// The queue's search: the box (given), where it looks — "This view" or "All my tickets" (every ticket the
/// agent may read) — said next to it, and, when nothing matches, a notice in place of the blank list
/// ("No tickets match “…”") with a button that widens the search to all tickets. emptyState() is that
/// notice, for the window to place above the list.
class QueueSearch : public QWidget {
    Q_OBJECT

public:
    QueueSearch(TicketQueueModel& model, QLineEdit* box, QWidget* parent = nullptr);

    QWidget* emptyState() const { return m_empty; }
    /// The view the queue shows, as the agent reads its name (what "This view" means).
    void setViewName(const QString& name);
    void retranslate();

private:
    void scopeChosen(int index);
    void update();

    TicketQueueModel& m_model;
    QLineEdit* m_box;
    QComboBox* m_scope;
    QLabel* m_where;
    QWidget* m_empty;
    QLabel* m_emptyText;
    QPushButton* m_widen;
    QString m_viewName;
};

} // namespace gongdan
