#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;
class QTextLayout;

namespace gongdan {

/// Draws one entry of a ticket's timeline (models/TimelineModel): a comment's heading (when, who, reply or
/// internal note) in a quieter colour above its body, an event on one line, every line wrapped to the view's
/// width. Heights come from the laid-out text itself (QTextLayout), so lines in a fallback font (Chinese names
/// inside English text) are never cut or elided; internal notes sit on a pale yellow band, as in other help
/// desks, so an agent never mistakes one for a reply the customer read.
class TimelineDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit TimelineDelegate(QAbstractItemView* view);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    struct Block {
        QString text;
        QFont font;
    };
    QList<Block> blocks(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    int textWidth(const QStyleOptionViewItem& option) const;
    /// Lays `block` out at `width`; returns its height.
    static qreal layOut(QTextLayout& layout, const Block& block, int width);

    QAbstractItemView* m_view;
};

} // namespace gongdan
