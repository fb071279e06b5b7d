#include "ui/ticket/TimelineDelegate.h"

#include "models/TimelineModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QTextLayout>
#include <cmath>

namespace gongdan {

namespace {

constexpr int kMarginX = 6;
constexpr int kMarginY = 4;
constexpr int kGap = 2;

} // namespace

TimelineDelegate::TimelineDelegate(QAbstractItemView* view) : QStyledItemDelegate(view), m_view(view) { }

QList<TimelineDelegate::Block> TimelineDelegate::blocks(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QString text = index.data(Qt::DisplayRole).toString();
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    if (index.data(TimelineModel::KindRole).toString() != QLatin1String("comment"))
        return {{text, option.font}};
    // A comment: its heading (the model's first line), then the body and what follows it.
    const qsizetype split = text.indexOf(QChar::LineSeparator);
    QFont heading = option.font;
    heading.setPointSizeF(option.font.pointSizeF() * 0.92);
    heading.setBold(true);
    if (split < 0)
        return {{text, heading}};
    return {{text.left(split), heading}, {text.mid(split + 1), option.font}};
}

int TimelineDelegate::textWidth(const QStyleOptionViewItem& option) const
{
    int width = m_view->viewport()->width();
    if (width <= 0)
        width = option.rect.width();
    return std::max(40, width - 2 * kMarginX);
}

qreal TimelineDelegate::layOut(QTextLayout& layout, const Block& block, int width)
{
    layout.setText(block.text);
    layout.setFont(block.font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height(); // the tallest font on the line, fallback fonts included
    }
    layout.endLayout();
    return height;
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = textWidth(opt);
    qreal height = 0;
    const QList<Block> parts = blocks(opt, index);
    for (const Block& block : parts) {
        QTextLayout layout;
        height += layOut(layout, block, width);
    }
    height += kGap * (parts.size() - 1) + 2 * kMarginY;
    return {width + 2 * kMarginX, static_cast<int>(std::ceil(height))};
}

void TimelineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const bool internal = index.data(TimelineModel::InternalRole).toBool();
    if (internal && !(opt.state & QStyle::State_Selected))
        opt.backgroundBrush = QColor(0xFF, 0xF8, 0xDC);
    opt.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    QColor body = selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Text);
    const QVariant foreground = index.data(Qt::ForegroundRole);
    if (foreground.canConvert<QColor>() && foreground.value<QColor>().isValid() && !selected)
        body = foreground.value<QColor>();
    QColor quiet = body;
    if (!selected && !foreground.isValid())
        quiet = opt.palette.color(QPalette::PlaceholderText);

    const int width = textWidth(opt);
    const QList<Block> parts = blocks(opt, index);
    const bool comment = parts.size() > 1 || index.data(TimelineModel::KindRole).toString() == QLatin1String("comment");
    painter->save();
    qreal y = opt.rect.top() + kMarginY;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QTextLayout layout;
        const qreal height = layOut(layout, parts.at(i), width);
        painter->setPen(comment && i == 0 ? quiet : body);
        layout.draw(painter, QPointF(opt.rect.left() + kMarginX, y));
        y += height + kGap;
    }
    painter->restore();
}

} // namespace gongdan
