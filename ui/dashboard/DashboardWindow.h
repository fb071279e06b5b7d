#pragma once

#include "domain/Clock.h"
#include "domain/TicketView.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;
class QTimer;
class QToolButton;

namespace gongdan {

class DashboardAgentModel;
class DashboardFeed;
class DashboardModel;
class PokeSocket;
class StatusChart;

/// The live supervisor dashboard (workflows.md §9.6), a window of its own for a second monitor: a tile per figure
/// (open, 待接单, the longest wait, SLA at risk and breached, created and closed today), each with "updated N s ago",
/// greyed with 数据已过期 when the server has not been heard for a minute and red over its threshold; open tickets by
/// status and group as stacked bars; the agent grid. Fed over the workstation's socket (sync/DashboardFeed); a tile's
/// number opens the tickets behind it in the main window's queue (`drillDown`).
class DashboardWindow : public QWidget {
    Q_OBJECT

public:
    using DrillDown = std::function<void(const TicketView& view)>;
    using CategoryName = std::function<QString(const QString& categoryId)>;

    /// `categoryName`: a category's name as the desk shows it (高频问题 TOP3).
    DashboardWindow(PokeSocket& socket, const Clock& clock, DrillDown drillDown, CategoryName categoryName,
        QWidget* parent = nullptr);
    ~DashboardWindow() override;

    DashboardFeed& feed() { return *m_feed; }
    DashboardModel& tiles() { return *m_tiles; }
    DashboardAgentModel& agents() { return *m_agents; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showSnapshot();
    void showTiles();
    void showTopCategories();
    void fillGroups();

    DashboardFeed* m_feed = nullptr;
    DashboardModel* m_tiles = nullptr;
    DashboardAgentModel* m_agents = nullptr;
    DrillDown m_drillDown;
    CategoryName m_categoryName;
    QLabel* m_topTitle = nullptr;
    QList<QToolButton*> m_top; ///< the three top categories of today, each opening its tickets
    QLabel* m_title = nullptr;
    QLabel* m_stale = nullptr;
    QLabel* m_refusal = nullptr;
    QComboBox* m_groups = nullptr;
    QLabel* m_waitLabel = nullptr;
    QSpinBox* m_waitThreshold = nullptr;
    QList<QToolButton*> m_values;
    QList<QLabel*> m_names;
    QList<QLabel*> m_updated;
    QList<QWidget*> m_frames;
    StatusChart* m_chart = nullptr;
    QLabel* m_agentsTitle = nullptr;
    QTableView* m_grid = nullptr;
    QTimer* m_ticker = nullptr;
};

} // namespace gongdan
