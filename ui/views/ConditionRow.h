#pragma once

#include "models/FieldCatalog.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QMenu;
class QToolButton;

namespace gongdan {

/// One condition of a view being edited: field, operator and a value editor that fits both — a list
/// of choices for statuses, agents, groups, categories and options (several for "is any of"), a date
/// or "now" for times, a number or text otherwise.
class ConditionRow : public QWidget {
    Q_OBJECT

public:
    ConditionRow(const FieldCatalog& catalog, int index, QWidget* parent = nullptr);

    void setCondition(const ViewCondition& condition);
    /// The condition as entered; an Error (naming "value") when the value does not parse.
    Result<ViewCondition> condition() const;
    void retranslate();

Q_SIGNALS:
    void removeRequested();

private:
    enum class ValueEditor { None, Text, Choice, Choices };
    /// Which value editor the field and operator call for.
    ValueEditor valueEditor() const;
    void fieldChanged();
    void opChanged();
    void updateMultiText();
    QString field() const;
    ConditionOp op() const;

    const FieldCatalog& m_catalog;
    QComboBox* m_field;
    QComboBox* m_op;
    QLineEdit* m_text;
    QComboBox* m_choice;
    QToolButton* m_multi;
    QMenu* m_multiMenu;
    QToolButton* m_remove;
};

} // namespace gongdan
