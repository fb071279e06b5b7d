#include "ui/dashboard/DashboardWindow.h"

#include "models/DashboardAgentModel.h"
#include "models/DashboardModel.h"
#include "sync/DashboardFeed.h"
#include "ui/dashboard/StatusChart.h"

#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gongdan {

namespace {

const QString kWaitSetting = QStringLiteral("dashboard/longestWaitMinutes");

} // namespace

DashboardWindow::DashboardWindow(
    PokeSocket& socket, const Clock& clock, DrillDown drillDown, CategoryName categoryName, QWidget* parent)
    : QWidget(parent, Qt::Window), m_drillDown(std::move(drillDown)), m_categoryName(std::move(categoryName))
{
    setObjectName(QStringLiteral("dashboardWindow"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_feed = new DashboardFeed(socket, clock, this);
    m_tiles = new DashboardModel(clock, this);
    m_agents = new DashboardAgentModel(this);

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    header->addWidget(m_title);
    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("staleLabel"));
    m_stale->setStyleSheet(QStringLiteral("QLabel { color: white; background: #757575; padding: 2px 8px; }"));
    header->addWidget(m_stale);
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("refusalLabel"));
    m_refusal->hide();
    header->addWidget(m_refusal);
    header->addStretch(1);
    m_waitLabel = new QLabel(this);
    header->addWidget(m_waitLabel);
    m_waitThreshold = new QSpinBox(this);
    m_waitThreshold->setObjectName(QStringLiteral("waitThreshold"));
    m_waitThreshold->setRange(1, 600);
    m_waitThreshold->setValue(QSettings().value(kWaitSetting, DashboardThresholds {}.longestWaitMinutes).toInt());
    m_waitLabel->setBuddy(m_waitThreshold);
    header->addWidget(m_waitThreshold);
    m_groups = new QComboBox(this);
    m_groups->setObjectName(QStringLiteral("groupFilter"));
    m_groups->setMinimumContentsLength(10);
    header->addWidget(m_groups);
    layout->addLayout(header);

    auto* tiles = new QGridLayout;
    for (int t = 0; t < DashboardModel::TileCount; ++t) {
        const QString key = DashboardModel::keyOf(DashboardModel::Tile(t));
        auto* frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("tile_") + key);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setMinimumWidth(130);
        auto* box = new QVBoxLayout(frame);
        auto* name = new QLabel(frame);
        auto* value = new QToolButton(frame);
        value->setObjectName(QStringLiteral("tileValue_") + key);
        value->setAutoRaise(true);
        value->setCursor(Qt::PointingHandCursor);
        QFont number = value->font();
        number.setPointSizeF(number.pointSizeF() * 2.6);
        number.setBold(true);
        value->setFont(number);
        auto* updated = new QLabel(frame);
        updated->setObjectName(QStringLiteral("tileUpdated_") + key);
        QFont small = updated->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        updated->setFont(small);
        box->addWidget(name);
        box->addWidget(value, 0, Qt::AlignLeft);
        box->addWidget(updated);
        tiles->addWidget(frame, t / 4, t % 4);
        connect(value, &QToolButton::clicked, this, [this, t] {
            if (m_drillDown)
                m_drillDown(m_tiles->drillDown(DashboardModel::Tile(t)));
        });
        m_frames.append(frame);
        m_names.append(name);
        m_values.append(value);
        m_updated.append(updated);
    }
    layout->addLayout(tiles);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_chart = new StatusChart(split);
    m_chart->setObjectName(QStringLiteral("statusChart"));
    auto* agentBox = new QWidget(split);
    auto* agentLayout = new QVBoxLayout(agentBox);
    agentLayout->setContentsMargins(0, 0, 0, 0);
    // 高频问题 TOP3: today's three biggest categories, each opening its tickets in the queue.
    m_topTitle = new QLabel(agentBox);
    agentLayout->addWidget(m_topTitle);
    auto* top = new QHBoxLayout;
    for (int i = 0; i < 3; ++i) {
        auto* button = new QToolButton(agentBox);
        button->setObjectName(QStringLiteral("topCategory%1").arg(i));
        button->setAutoRaise(true);
        button->setCursor(Qt::PointingHandCursor);
        connect(button, &QToolButton::clicked, this, [this, button] {
            const QString id = button->property("categoryId").toString();
            if (m_drillDown && !id.isEmpty())
                m_drillDown(m_tiles->drillDownCategory(id, m_categoryName ? m_categoryName(id) : id));
        });
        top->addWidget(button);
        m_top.append(button);
    }
    top->addStretch(1);
    agentLayout->addLayout(top);
    m_agentsTitle = new QLabel(agentBox);
    agentLayout->addWidget(m_agentsTitle);
    m_grid = new QTableView(agentBox);
    m_grid->setObjectName(QStringLiteral("agentGrid"));
    m_grid->setModel(m_agents);
    m_grid->verticalHeader()->hide();
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setSectionResizeMode(DashboardAgentModel::Name, QHeaderView::Stretch);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    agentLayout->addWidget(m_grid);
    split->addWidget(m_chart);
    split->addWidget(agentBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({620, 440}); // the chart first: the size hints alone would squeeze it
    layout->addWidget(split, 1);

    connect(m_feed, &DashboardFeed::changed, this, &DashboardWindow::showSnapshot);
    connect(m_feed, &DashboardFeed::staleChanged, this, [this](bool stale) {
        m_tiles->setStale(stale);
        showTiles();
    });
    connect(m_feed, &DashboardFeed::refused, this, [this](const QString& message) {
        m_refusal->setText(message);
        m_refusal->show();
    });
    connect(m_tiles, &QAbstractItemModel::dataChanged, this, &DashboardWindow::showTiles);
    connect(m_groups, &QComboBox::currentIndexChanged, this, [this] {
        m_tiles->setGroup(m_groups->currentData().toString());
        showSnapshot();
    });
    connect(m_waitThreshold, &QSpinBox::valueChanged, this, [this](int minutes) {
        QSettings().setValue(kWaitSetting, minutes);
        m_tiles->setThresholds({minutes, true});
    });
    m_tiles->setThresholds({m_waitThreshold->value(), true});
    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, m_tiles, &DashboardModel::tick);
    m_ticker->start();
    retranslate();
    resize(1100, 720);
    m_feed->subscribe();
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DashboardWindow::retranslate()
{
    setWindowTitle(tr("Gongdan — Supervisor dashboard"));
    m_title->setText(tr("Supervisor dashboard"));
    m_stale->setText(tr("Data out of date"));
    m_waitLabel->setText(tr("Wait &red after (min):"));
    m_agentsTitle->setText(tr("Agents"));
    m_topTitle->setText(tr("Top problems today"));
    fillGroups();
    showSnapshot();
}

void DashboardWindow::fillGroups()
{
    const QString current = m_groups->currentData().toString();
    const QSignalBlocker blocker(m_groups);
    m_groups->clear();
    m_groups->addItem(tr("All my groups"), QString());
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (const QJsonValue& g : m_feed->snapshot().value(QStringLiteral("groups")).toArray()) {
        const QString zh = g[QStringLiteral("name_zh")].toString();
        const QString en = g[QStringLiteral("name_en")].toString();
        m_groups->addItem(chinese || en.isEmpty() ? zh : en, g[QStringLiteral("id")].toString());
    }
    m_groups->setCurrentIndex(std::max(0, m_groups->findData(current)));
}

void DashboardWindow::showSnapshot()
{
    const QJsonObject& snapshot = m_feed->snapshot();
    if (m_groups->count() != snapshot.value(QStringLiteral("groups")).toArray().size() + 1)
        fillGroups();
    const QString group = m_groups->currentData().toString();
    m_tiles->setSnapshot(snapshot);
    m_tiles->setUpdatedMs(m_feed->updatedMs());
    m_agents->setAgents(snapshot.value(QStringLiteral("agents")).toArray(), group);
    m_chart->showSnapshot(snapshot, group);
    showTopCategories();
}

void DashboardWindow::showTopCategories()
{
    const QList<std::pair<QString, int>> top = m_tiles->topCategories();
    for (int i = 0; i < m_top.size(); ++i) {
        QToolButton* button = m_top.at(i);
        if (i >= top.size()) {
            button->setText(i == 0 ? tr("(none yet)") : QString());
            button->setProperty("categoryId", QString());
            button->setEnabled(false);
            continue;
        }
        const auto& [id, count] = top.at(i);
        const QString name = m_categoryName ? m_categoryName(id) : id;
        button->setText(tr("%1. %2 (%3)").arg(i + 1).arg(name.isEmpty() ? id : name).arg(count));
        button->setToolTip(tr("Show these tickets in the queue"));
        button->setProperty("categoryId", id);
        button->setEnabled(true);
    }
}

void DashboardWindow::showTiles()
{
    const bool stale = m_tiles->stale();
    m_stale->setVisible(stale);
    for (int t = 0; t < DashboardModel::TileCount; ++t) {
        const QModelIndex index = m_tiles->index(t);
        const bool alert = index.data(DashboardModel::AlertRole).toBool();
        m_names.at(t)->setText(index.data(Qt::DisplayRole).toString());
        m_values.at(t)->setText(index.data(DashboardModel::ValueTextRole).toString());
        m_values.at(t)->setToolTip(index.data(Qt::ToolTipRole).toString());
        m_updated.at(t)->setText(
            stale ? tr("Data out of date") : index.data(DashboardModel::UpdatedTextRole).toString());
        const QString colour = stale ? QStringLiteral("#9e9e9e") : alert ? QStringLiteral("#c62828") : QString();
        m_values.at(t)->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
        m_frames.at(t)->setStyleSheet(alert && !stale ? QStringLiteral("QFrame#%1 { background: #fdecea; border: 1px "
                                                                       "solid #c62828; }")
                                                            .arg(m_frames.at(t)->objectName())
                                                      : QString());
        m_frames.at(t)->setProperty("alert", alert);
        m_frames.at(t)->setProperty("stale", stale);
    }
}

} // namespace gongdan
