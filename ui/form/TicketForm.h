#pragma once

#include "domain/Access.h"
#include "domain/Category.h"
#include "domain/Clock.h"
#include "domain/FieldDefinition.h"
#include "ui/attachment/AttachmentChip.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>
#include <optional>

class QGridLayout;
class QLabel;
class QToolButton;

namespace gongdan {

class FieldEditor;
class Unmasker;

/// The custom-field part of a ticket, generated at run time from the field definitions: each type gets
/// its editor, required fields are marked, fields that do not apply to the ticket's category are
/// hidden (their stored values kept), fields the agent's role may not edit are read-only, and
/// validation messages appear under the field they concern — never in a modal box.
class TicketForm : public QWidget {
    Q_OBJECT

public:
    /// `clock` gives date fields their starting value when the agent sets one.
    /// `files`: where attachment fields keep their files (without it they only list them).
    explicit TicketForm(
        const Clock& clock, QWidget* parent = nullptr, std::optional<AttachmentAccess> files = std::nullopt);

    /// Rebuilds the form; current values are carried over to the new editors.
    void setDefinitions(
        const QList<FieldDefinition>& definitions, const CategoryTree& categories, Role role, bool chinese);
    void setCategory(const QString& categoryId);
    void setValues(const QJsonObject& values);
    /// The edited values, plus stored values of fields the form does not show, so nothing is dropped.
    QJsonObject values() const;
    /// Checks the values; shows each message next to its field and focuses the first. True when valid.
    bool validate(bool closing);
    QString errorText(const QString& key) const;
    bool isFieldVisible(const QString& key) const;
    FieldEditor* editor(const QString& key) const { return m_editors.value(key); }
    /// Sensitive fields (domain/Masking.h) hold their masked form; with `mayUnmask`, a "Show" button beside each
    /// asks `unmasker` for the clear value of the ticket `setRecordId` names and shows it beside the field.
    void setUnmasking(Unmasker* unmasker, bool mayUnmask);
    /// The ticket whose values are shown (a new one has none: nothing to show in clear).
    void setRecordId(const QString& id) { m_recordId = id; }

Q_SIGNALS:
    void edited();

private:
    void applyVisibility();
    /// A "Show" button beside each sensitive value the ticket holds masked and the editor still shows.
    void updateShowButtons();

    const Clock& m_clock;
    std::optional<AttachmentAccess> m_files;
    QGridLayout* m_grid;
    QList<FieldDefinition> m_definitions;
    CategoryTree m_categories;
    QString m_categoryId;
    Role m_role = Role::Agent;
    bool m_chinese = true;
    QJsonObject m_stored;
    QHash<QString, FieldEditor*> m_editors;
    QHash<QString, QLabel*> m_labels;
    QHash<QString, QLabel*> m_errors;
    Unmasker* m_unmasker = nullptr;
    bool m_mayUnmask = false;
    QString m_recordId;
    QHash<QString, QToolButton*> m_shows; ///< by key, sensitive fields only
    QHash<QString, QLabel*> m_clears; ///< the clear value once shown
};

} // namespace gongdan
