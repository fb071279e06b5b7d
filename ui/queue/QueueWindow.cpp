#include "QueueWindow.h"

#include "Database.h"
#include "Outbox.h"
#include "TicketListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace gongdan {

QueueWindow::QueueWindow(Database& db, QWidget* parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_model(new TicketListModel(db, this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("queueWindow"));
    setWindowTitle(tr("Gongdan — Tickets"));

    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search number, subject, customer, phone or comment (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search tickets"));
    connect(m_search, &QLineEdit::textChanged, m_model, &TicketListModel::setSearchText);

    m_table->setObjectName(QStringLiteral("ticketTable"));
    m_table->setAccessibleName(tr("Tickets"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(TicketListModel::Subject, QHeaderView::Stretch);
    m_table->setColumnWidth(TicketListModel::Number, 140);
    m_table->setColumnWidth(TicketListModel::Priority, 70);
    m_table->setColumnWidth(TicketListModel::Status, 110);
    m_table->setColumnWidth(TicketListModel::Customer, 90);
    m_table->setColumnWidth(TicketListModel::Created, 140);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_search);
    layout->addWidget(m_table);
    setCentralWidget(central);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* find = editMenu->addAction(tr("&Find tickets"));
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    statusBar()->addPermanentWidget(m_status);
    connect(m_model, &TicketListModel::loadFailed, this,
        [this](const QString& message) { statusBar()->showMessage(message); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueueWindow::refreshStatus);
    refreshStatus();
    resize(1100, 700);
}

void QueueWindow::search(const QString& text)
{
    m_search->setText(text);
}

void QueueWindow::refreshStatus()
{
    Outbox outbox(m_db);
    const qint64 waiting = outbox.count();
    m_status->setText(tr("Local store · %n change(s) waiting to sync", nullptr, static_cast<int>(waiting)));
}

} // namespace gongdan
