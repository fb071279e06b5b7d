#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QTableView;

namespace gongdan {

class Database;
class TicketListModel;

/// The agent's main window: the ticket list of the local store with search as you type, and a status
/// bar with the store and the number of changes waiting to be sent.
class QueueWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit QueueWindow(Database& db, QWidget* parent = nullptr);
    /// Puts `text` in the search box (results follow as for typing).
    void search(const QString& text);

private:
    void refreshStatus();

    Database& m_db;
    TicketListModel* m_model;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_status;
};

} // namespace gongdan
