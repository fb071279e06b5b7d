#include "ui/main/QueueSearch.h"

#include "models/TicketQueueModel.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace gongdan {

using Scope = TicketQueueModel::SearchScope;

QueueSearch::QueueSearch(TicketQueueModel& model, QLineEdit* box, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_box(box)
    , m_scope(new QComboBox(this))
    , m_where(new QLabel(this))
    , m_empty(new QFrame(parent))
    , m_emptyText(new QLabel(m_empty))
    , m_widen(new QPushButton(m_empty))
{
    setObjectName(QStringLiteral("queueSearch"));
    m_scope->setObjectName(QStringLiteral("searchScope"));
    m_where->setObjectName(QStringLiteral("searchWhere"));
    m_empty->setObjectName(QStringLiteral("searchEmpty"));
    m_emptyText->setObjectName(QStringLiteral("searchEmptyText"));
    m_widen->setObjectName(QStringLiteral("searchWiden"));
    m_where->setTextFormat(Qt::PlainText);
    m_emptyText->setTextFormat(Qt::PlainText);
    m_emptyText->setWordWrap(true);
    m_scope->addItem(QString(), QVariant::fromValue(static_cast<int>(Scope::View)));
    m_scope->addItem(QString(), QVariant::fromValue(static_cast<int>(Scope::AllTickets)));

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_box, 1);
    row->addWidget(m_scope);
    row->addWidget(m_where);
    auto* emptyRow = new QHBoxLayout(m_empty);
    emptyRow->addWidget(m_emptyText, 1);
    emptyRow->addWidget(m_widen);
    m_empty->hide();

    connect(m_scope, &QComboBox::currentIndexChanged, this, &QueueSearch::scopeChosen);
    connect(m_widen, &QPushButton::clicked, this, [this] { m_scope->setCurrentIndex(1); });
    connect(m_box, &QLineEdit::textChanged, this, &QueueSearch::update);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &QueueSearch::update);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &QueueSearch::update);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &QueueSearch::update);
    retranslate();
}

void QueueSearch::setViewName(const QString& name)
{
    m_viewName = name;
    update();
}

void QueueSearch::scopeChosen(int index)
{
    m_model.setSearchScope(static_cast<Scope>(m_scope->itemData(index).toInt()));
    update();
}

void QueueSearch::retranslate()
{
    m_scope->setItemText(0, tr("This view"));
    m_scope->setItemText(1, tr("All my tickets"));
    m_scope->setToolTip(tr("Where the search looks: the view shown, or every ticket you may read"));
    m_scope->setAccessibleName(tr("Search in"));
    m_widen->setText(tr("Search all my tickets"));
    update();
}

void QueueSearch::update()
{
    const bool everywhere = m_model.searchScope() == Scope::AllTickets;
    m_where->setText(everywhere ? tr("Searching every ticket you may read") : tr("Searching in “%1”").arg(m_viewName));
    const QString text = m_model.searchText();
    const bool nothing = !text.isEmpty() && m_model.rowCount() == 0;
    if (nothing) {
        m_emptyText->setText(everywhere ? tr("No tickets match “%1” in any ticket you may read.").arg(text)
                                        : tr("No tickets match “%1” in “%2”.").arg(text, m_viewName));
    }
    m_widen->setVisible(nothing && !everywhere);
    m_empty->setVisible(nothing);
}

} // namespace gongdan
