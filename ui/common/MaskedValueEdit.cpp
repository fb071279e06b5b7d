#include "ui/common/MaskedValueEdit.h"

#include "domain/Masking.h"
#include "sync/Unmasker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace gongdan {

namespace {

/// A clear value stands out from the masked one beside it: it is shown, not kept.
const QString kClearStyle = QStringLiteral("background:#fff8e1; border:1px solid #ffcc80; padding:1px 4px");

} // namespace

MaskedValueEdit::MaskedValueEdit(
    Unmasker& unmasker, bool mayUnmask, const QString& entity, const QString& field, QWidget* parent)
    : QWidget(parent)
    , m_unmasker(unmasker)
    , m_mayUnmask(mayUnmask)
    , m_entity(entity)
    , m_field(field)
    , m_edit(new QLineEdit(this))
    , m_show(new QToolButton(this))
    , m_clear(new QLabel(this))
{
    m_edit->setObjectName(field + QStringLiteral("Edit"));
    m_show->setObjectName(field + QStringLiteral("Show"));
    m_clear->setObjectName(field + QStringLiteral("Clear"));
    m_clear->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clear->hide();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_show);
    layout->addWidget(m_clear);
    setFocusProxy(m_edit);
    connect(m_show, &QToolButton::clicked, this, &MaskedValueEdit::ask);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        updateButton();
        Q_EMIT textEdited();
    });
    connect(&m_unmasker, &Unmasker::revealed, this,
        [this](const QString& kind, const QString& id, const QHash<QString, QString>& values) {
            if (!m_asking || kind != m_entity || id != m_id)
                return; // another field's answer (the other card's button asked, not this one)
            m_asking = false;
            if (!values.contains(m_field)) {
                m_clear->setStyleSheet(QStringLiteral("color:#c62828"));
                m_clear->setText(tr("The server holds no value for this field."));
                m_clear->show();
                m_show->setEnabled(true);
                return;
            }
            m_clear->setStyleSheet(kClearStyle);
            m_clear->setToolTip(tr("Shown for this view only; the server recorded that you looked"));
            m_clear->setText(values.value(m_field));
            m_clear->setAccessibleName(tr("Shown in clear"));
            m_clear->show();
            m_show->hide();
        });
    connect(&m_unmasker, &Unmasker::refused, this, [this](const QString& kind, const QString& id, const QString& why) {
        if (!m_asking || kind != m_entity || id != m_id)
            return;
        m_asking = false;
        m_clear->setStyleSheet(QStringLiteral("color:#c62828"));
        m_clear->setText(why);
        m_clear->show();
        m_show->setEnabled(true);
    });
    retranslate();
    updateButton();
}

void MaskedValueEdit::setValue(const QString& id, const QString& value)
{
    m_id = id;
    m_asking = false;
    m_shownValue = value;
    m_edit->setText(value);
    m_clear->clear();
    m_clear->hide();
    m_show->setEnabled(true);
    updateButton();
}

QString MaskedValueEdit::text() const
{
    return m_edit->text().trimmed();
}

void MaskedValueEdit::retranslate()
{
    //: Shows a masked ID card or bank card number in clear (the server records who looked).
    m_show->setText(tr("Show"));
    m_show->setToolTip(tr("Show the full value; the server records that you looked"));
    m_edit->setPlaceholderText(tr("Masked once saved (e.g. 110***********1234)"));
}

void MaskedValueEdit::ask()
{
    m_show->setEnabled(false);
    m_asking = true;
    m_unmasker.reveal(m_entity, m_id, {m_field});
}

void MaskedValueEdit::updateButton()
{
    // Only a value the record holds masked, unchanged in the editor, has a clear value to show.
    m_show->setVisible(
        m_mayUnmask && !m_id.isEmpty() && masking::looksMasked(m_shownValue) && m_edit->text() == m_shownValue);
}

} // namespace gongdan
