#pragma once

#include "domain/Clock.h"
#include "domain/TicketTypes.h"
#include "storage/Database.h"
#include "storage/QueuePages.h"
#include "storage/TeamDirectory.h"
#include "storage/ViewQuery.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace gongdan {

/// A ticket queue: the tickets of one view (or of a search), filtered and sorted in SQL and fetched a
/// page at a time with keyset paging on (sort key, rowid), never the whole table; the last page can be
/// read from the end (jumpToEnd) and the middle filled in as it comes into sight. refreshTickets()
/// updates or removes only the rows a change touched, so selection and scroll position stay put.
class TicketQueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // Never reorder: header state is persisted by column index.
    enum Column {
        Number,
        Priority,
        Status,
        Subject,
        Customer,
        Category,
        Assignee,
        Group,
        Created,
        TimeLeft,
        ColumnCount
    };
    enum Roles {
        RawValueRole = Qt::UserRole + 1,
        TicketIdRole,
        SlaStateRole,
        AttentionRole, ///< "departed", "refused" or empty (NeedsAttention)
        OfferExpiresRole ///< when the offer of this ticket to the user ends (automatic dispatch); invalid: none
    };
    enum class SlaState { None, Green, Yellow, Red };
    static constexpr int kPageSize = 200;

    TicketQueueModel(Database& db, const Clock& clock, TeamDirectory& directory, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Shows the tickets of `view` for `context`; false (and loadFailed) when the view does not apply.
    bool setView(const TicketView& view, const ViewContext& context);
    /// Where a search looks: inside the view shown, or in every ticket this store holds (all the agent may read).
    enum class SearchScope { View, AllTickets };
    /// Narrows the view (or, searching all tickets, the whole store) to full-text hits; empty text shows the
    /// whole view again.
    void setSearchText(const QString& text);
    void setSearchScope(SearchScope scope);
    SearchScope searchScope() const { return m_scope; }
    const QString& searchText() const { return m_search; }
    /// Re-reads the given tickets: rows still in the view are updated, rows that left it are removed.
    void refreshTickets(const QStringList& ticketIds);
    void reload();
    /// Loads the last page of the view after the rows loaded so far, leaving a gap between them that
    /// fillGap() closes page by page as the agent scrolls into it. A jump to the last row never reads
    /// the whole view.
    void jumpToEnd();
    /// Loads one page into the gap, from above it (forward) or from below; false when there is none.
    bool fillGap(bool forward);
    /// The row where the gap sits (the first row below it); -1 when the loaded rows are contiguous.
    int gapRow() const { return m_gapAt; }
    /// The tickets offered to the user by automatic dispatch, each with the end of its time to accept (确认接收):
    /// their status says so, with the time left.
    void setOffers(const QHash<QString, QDateTime>& expiresAt);
    /// The interface language changed: headers and translated cells are announced again.
    void languageChanged();

    QString ticketId(int row) const;
    QStringList ticketIds(const QModelIndexList& rows) const;
    /// The field a column sorts by ("created_at", "priority", …).
    static QString sortFieldOf(int column);
    static SlaState slaState(const QDateTime& created, const QDateTime& due, TicketStatus status, const QDateTime& now);
    /// "3 h 20 min", "2 d 4 h", "-45 min" when overdue: the time from `now` to `due`.
    static QString timeLeftText(const QDateTime& due, const QDateTime& now);

Q_SIGNALS:
    void loadFailed(const QString& message);

private:
    using Row = QueueRow;
    /// The end of the time to accept the row's offer; invalid when it is not offered (or no longer 待接单).
    QDateTime offerOf(const Row& row) const;
    /// The rows read, or none (and loadFailed) when the read failed.
    QList<Row> rows(Result<QList<Row>> read, bool* ok);
    /// The page after `last` in the given direction; the first page when `last` is null.
    QList<Row> pageAfter(const Row* last, bool descending, bool* ok);
    void insertAtGap(QList<Row> page, bool forward);
    /// refreshTickets(): inserts the rows of `current` (in the view's order) not loaded yet, where the
    /// sort puts them among the loaded rows.
    void insertEntered(const QList<Row>& current);
    QString timeLeftText(const Row& row) const;
    bool sortsBefore(const Row& a, const Row& b) const;

    Database& m_db;
    const Clock& m_clock;
    TeamDirectory& m_directory;
    TicketView m_view;
    ViewContext m_context;
    SqlFilter m_filter {QStringLiteral("0"), {}};
    QueuePages m_pages;
    bool m_descending = true;
    QString m_search;
    QHash<QString, QDateTime> m_offers;
    SearchScope m_scope = SearchScope::View;
    QList<Row> m_rows;
    bool m_atEnd = true;
    int m_gapAt = -1; ///< after jumpToEnd(): the row where the not yet loaded middle of the view sits
    bool m_chinese = true;
    bool m_announcing = false; ///< announcing a change (begin… to end…): fetchMore() waits for the event loop
};

} // namespace gongdan
