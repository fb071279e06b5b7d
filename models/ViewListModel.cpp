#include "models/ViewListModel.h"

#include "storage/ViewRepository.h"

#include <QColor>
#include <QFuture>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace gongdan {

ViewListModel::ViewListModel(Database& db, Counting counting, QObject* parent)
    : QAbstractListModel(parent), m_db(db), m_counting(counting)
{
}

int ViewListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_views.size());
}

QVariant ViewListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketView& view = m_views.at(index.row());
    const qint64 count = m_counts.value(index.row(), -1);
    const QString refusal = m_refusals.value(view.id);
    const QString name = refusal.isEmpty()
        ? view.name(QLocale().language() == QLocale::Chinese)
        : tr("%1 (not accepted)").arg(view.name(QLocale().language() == QLocale::Chinese));
    switch (role) {
    case Qt::DisplayRole:
        if (!view.enabled)
            return tr("%1 (disabled)").arg(name);
        return count < 0 ? name : QStringLiteral("%1  (%2)").arg(name, QLocale().toString(count));
    case Qt::ToolTipRole:
    case RefusalRole:
        return refusal;
    case Qt::AccessibleTextRole:
        if (!view.enabled)
            return tr("%1 (disabled)").arg(name);
        return tr("%1, %n ticket(s)", nullptr, static_cast<int>(count)).arg(name);
    case Qt::ForegroundRole:
        return view.enabled ? QVariant() : QVariant(QColor(0x9e, 0x9e, 0x9e));
    case NameRole:
        return name;
    case CountRole:
        return count;
    case ViewIdRole:
        return view.id;
    default:
        return {};
    }
}

void ViewListModel::setViews(const QList<TicketView>& views, const ViewContext& context)
{
    // A view that stays as it was keeps its count on screen until the new count comes (a reload after a
    // sign-in or a synced view never blanks the counts); a new or changed one shows its name alone until then.
    QHash<QString, qint64> kept;
    for (qsizetype row = 0; row < m_views.size(); ++row) {
        if (m_counts.value(row, -1) >= 0)
            kept.insert(m_views.at(row).id, m_counts.at(row));
    }
    QList<qint64> counts;
    for (const TicketView& view : views) {
        const auto old = std::find_if(
            m_views.cbegin(), m_views.cend(), [&view](const TicketView& seen) { return seen.id == view.id; });
        const bool same = old != m_views.cend() && old->toJson() == view.toJson() && m_context.me == context.me;
        counts.append(same ? kept.value(view.id, -1) : -1);
    }
    beginResetModel();
    m_views = views;
    m_context = context;
    m_counts = counts;
    m_refusals.clear();
    ViewRepository repository(m_db);
    for (const TicketView& view : std::as_const(m_views)) {
        if (!view.builtIn) {
            if (const QString why = repository.refusal(view.id); !why.isEmpty())
                m_refusals.insert(view.id, why);
        }
    }
    endResetModel();
    refreshCounts();
}

void ViewListModel::refreshCounts()
{
    if (m_counting == Counting::Synchronous) {
        QList<qint64> counts;
        for (const TicketView& view : m_views)
            counts.append(countOf(m_db, view, m_context));
        applyCounts(counts);
        return;
    }
    const quint64 generation = ++m_generation;
    QFuture<QList<qint64>> counting = QtConcurrent::run([path = m_db.path(), views = m_views, context = m_context] {
        QList<qint64> counts;
        SystemClock clock;
        // Its own connection, on this worker thread only; never one that would finish a first sync's
        // bulk load running on the workstation's connection.
        auto reader = Database::open(path, clock, Database::Options {false, -1, true});
        for (const TicketView& view : views)
            counts.append(reader ? countOf(*reader.value(), view, context) : -1);
        return counts;
    });
    // A watcher reports through this object's event loop, also when the count finished before
    // setFuture() (QFuture::then with a context dropped such results under load with Qt 6.4).
    auto* watcher = new QFutureWatcher<QList<qint64>>(this);
    m_countingInFlight = true;
    m_changedWhileCounting = false;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer request is on its way: this one is stale
        m_countingInFlight = false;
        const QList<qint64> counted = watcher->result();
        if (m_changedWhileCounting) {
            // Tickets changed while counting: whether the count saw them is unknown. Counts on screen that
            // followed the changes stay; one not known yet takes this count (never nothing while changes keep
            // coming); then count once more to be sure.
            QList<qint64> known = m_counts;
            for (qsizetype row = 0; row < known.size() && row < counted.size(); ++row) {
                if (known.at(row) < 0)
                    known[row] = counted.at(row);
            }
            applyCounts(known);
            refreshCounts();
            return;
        }
        applyCounts(counted);
    });
    watcher->setFuture(counting);
}

void ViewListModel::recount()
{
    if (m_countingInFlight) {
        m_changedWhileCounting = true;
        return;
    }
    refreshCounts();
}

void ViewListModel::languageChanged()
{
    if (!m_views.isEmpty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_views.size()) - 1));
}

void ViewListModel::applyCounts(const QList<qint64>& counts)
{
    if (counts.size() != m_counts.size())
        return; // the views changed while counting
    for (int row = 0; row < counts.size(); ++row) {
        if (counts.at(row) < 0 && m_counts.at(row) >= 0 && m_views.at(row).enabled)
            continue; // this count failed (the store busy or unreadable): the last known one stays
        if (counts.at(row) != m_counts.at(row)) {
            m_counts[row] = counts.at(row);
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    Q_EMIT countsUpdated();
}

QList<QSet<QString>> ViewListModel::membership(const QStringList& ticketIds) const
{
    QList<QSet<QString>> members;
    for (const TicketView& view : m_views)
        members.append(ViewQuery::holding(m_db, view, m_context, ticketIds));
    return members;
}

void ViewListModel::follow(ChangeStream& changes)
{
    connect(&changes, &ChangeStream::ticketsAboutToChange, this, &ViewListModel::ticketsAboutToChange);
    connect(&changes, &ChangeStream::changed, this, [this](const StoreChange& change) {
        if (change.has(StoreChange::Kind::Counts) || change.has(StoreChange::Kind::Attention))
            recount();
        else if (change.has(StoreChange::Kind::Tickets) && !change.has(StoreChange::Kind::Pulled))
            ticketsChanged(change.ticketIds);
    });
}

void ViewListModel::ticketsAboutToChange(const QStringList& ticketIds)
{
    const QList<QSet<QString>> members = membership(ticketIds);
    for (const QString& id : ticketIds) {
        QList<bool> in(m_views.size());
        for (int row = 0; row < m_views.size(); ++row)
            in[row] = members.at(row).contains(id);
        m_before.insert(id, in);
    }
}

void ViewListModel::ticketsChanged(const QStringList& ticketIds)
{
    const QList<QSet<QString>> members = membership(ticketIds);
    if (m_countingInFlight)
        m_changedWhileCounting = true;
    for (int row = 0; row < m_views.size(); ++row) {
        qint64 delta = 0;
        for (const QString& id : ticketIds) {
            const bool was = m_before.value(id).value(row, false); // no "before": a new ticket
            delta += (members.at(row).contains(id) ? 1 : 0) - (was ? 1 : 0);
        }
        if (delta != 0 && m_counts.at(row) >= 0) {
            m_counts[row] += delta;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    for (const QString& id : ticketIds)
        m_before.remove(id);
    Q_EMIT countsUpdated();
}

int ViewListModel::rowOf(const QString& viewId) const
{
    for (int row = 0; row < m_views.size(); ++row) {
        if (m_views.at(row).id == viewId)
            return row;
    }
    return -1;
}

qint64 ViewListModel::countOf(Database& db, const TicketView& view, const ViewContext& context)
{
    return ViewQuery::count(db, view, context);
}

} // namespace gongdan
