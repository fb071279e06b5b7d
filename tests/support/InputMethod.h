#pragma once

#include <QApplication>
#include <QInputMethodEvent>
#include <QWidget>

namespace gongdan::test {

/// Types `text` into `widget` the way a Chinese input method does: as one committed string.
/// (QTest::keyClicks only handles Latin-1.)
inline void commitText(QWidget* widget, const QString& text)
{
    QInputMethodEvent typed;
    typed.setCommitString(text);
    QApplication::sendEvent(widget, &typed);
}

} // namespace gongdan::test
