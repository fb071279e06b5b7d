#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace gongdan {

class Unmasker;

/// A sensitive value in a form (domain/Masking.h): the editor holds what the desk has — the masked form
/// (110***********1234) — and a new value can be typed over it; beside a masked value, for those whose role
/// may unmask, a "Show" button asks the server (sync/Unmasker, audited there) and shows the clear value
/// beside the editor, for this view only: it is never put in the editor, so never saved or kept on the desk.
class MaskedValueEdit : public QWidget {
    Q_OBJECT

public:
    /// `entity` and `field` as the server's unmask route names them ("customer", "id_card").
    MaskedValueEdit(
        Unmasker& unmasker, bool mayUnmask, const QString& entity, const QString& field, QWidget* parent = nullptr);

    /// Shows the value the record `id` holds (empty id: a new record, nothing to show in clear).
    void setValue(const QString& id, const QString& value);
    QString text() const;
    QLineEdit* editor() const { return m_edit; }
    void retranslate();

Q_SIGNALS:
    void textEdited();

private:
    void ask();
    void updateButton();

    Unmasker& m_unmasker;
    bool m_mayUnmask;
    QString m_entity;
    QString m_field;
    QString m_id;
    QString m_shownValue; ///< the masked form the record holds
    bool m_asking = false; ///< this field's button asked; the answer is for it
    QLineEdit* m_edit;
    QToolButton* m_show;
    QLabel* m_clear;
};

} // namespace gongdan
