#pragma once

#include "storage/ChangeStream.h"
#include "storage/Database.h"
#include "storage/ViewQuery.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

namespace gongdan {

/// The views an agent can open, each with its live ticket count (counted in SQL). After the first
/// count, changes are followed as they happen: told which tickets are about to change and then that
/// they changed (the ChangeStream), it asks each view's filter about just those tickets, before and
/// after, and adds the difference — a few small queries instead of counting a million rows again. In Background mode
/// the counting runs on a worker thread with its own connection (a count over a million tickets can
/// take a second), the last known counts stay on screen meanwhile, and a newer request supersedes an
/// older one; Synchronous mode counts on the spot (tests, benchmarks).
class ViewListModel : public QAbstractListModel {
    Q_OBJECT

public:
    /// RefusalRole: why the server refused the view's latest change, in the agent's words (empty: none);
    /// shown as the row's tooltip and marked in its name.
    enum Roles { CountRole = Qt::UserRole + 1, ViewIdRole, NameRole, RefusalRole };
    enum class Counting { Synchronous, Background };

    explicit ViewListModel(Database& db, Counting counting = Counting::Synchronous, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setViews(const QList<TicketView>& views, const ViewContext& context);
    /// Recounts every view; only rows whose count changed emit dataChanged.
    void refreshCounts();
    /// Recounts once no count is running (else once more when it ends): for changes that come without
    /// a before and after — pulled pages, which arrive by the hundred during a first sync.
    void recount();
    /// The interface language changed: view names are announced again.
    void languageChanged();
    TicketView view(int row) const { return m_views.value(row); }
    int rowOf(const QString& viewId) const;

    /// Follows every change the stream tells: local ticket changes by their before and after, pulled
    /// pages and dealt-with refusals by counting again.
    void follow(ChangeStream& changes);
    void ticketsAboutToChange(const QStringList& ticketIds);
    void ticketsChanged(const QStringList& ticketIds);

    /// The number of tickets in `view`; -1 when the view does not apply.
    static qint64 countOf(Database& db, const TicketView& view, const ViewContext& context);

Q_SIGNALS:
    void countsUpdated();

private:
    void applyCounts(const QList<qint64>& counts);
    /// For each view, which of `ticketIds` it holds now.
    QList<QSet<QString>> membership(const QStringList& ticketIds) const;

    Database& m_db;
    Counting m_counting;
    quint64 m_generation = 0;
    QList<TicketView> m_views;
    QList<qint64> m_counts;
    QHash<QString, QString> m_refusals; ///< per view id: why the server refused its latest change
    ViewContext m_context;
    QHash<QString, QList<bool>> m_before; ///< per ticket about to change: in which views it was
    bool m_countingInFlight = false;
    bool m_changedWhileCounting = false;
};

} // namespace gongdan
