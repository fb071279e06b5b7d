#pragma once

#include "domain/Result.h"
#include "storage/WorkflowRecords.h"
#include "ui/common/Workstation.h"

#include <QJsonObject>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace gongdan {

struct StoreChange;

/// What the workflow settings editors share (calendars, SLA policies, escalation rules, dispatch settings): the
/// list of one kind of team record on the left, the selected one's form on the right, Save. A record is checked by
/// the same domain rules the server applies before it is queued (storage/WorkflowRecords); a refusal names the
/// field, and the form keeps what was typed. The list follows pulls at once (another admin's change, the server's
/// answer); a form with changes not saved yet is left as it is. Read-only, with a note, for whoever may not edit.
class RecordListEditor : public QWidget {
    Q_OBJECT

public:
    RecordListEditor(const Workstation& workstation, const QString& kind, const QString& prefix, QWidget* parent);

    /// Checks and queues the form's record; false (the error shown, naming the field) when refused.
    bool saveCurrent();
    /// Starts a new record in the form.
    void newRecord();
    void selectRecord(const QString& id);
    QString currentId() const { return m_current.value(QStringLiteral("id")).toString(); }
    void retranslate();

Q_SIGNALS:
    void recordSaved(const QString& id);

protected:
    virtual QString titleOf(const QJsonObject& record) const = 0;
    /// Fills the form; an empty object after `newRecordData` for a new one.
    virtual void showRecord(const QJsonObject& record) = 0;
    /// The form as a record, checked by the domain's rules; the error's field is the JSON field.
    virtual Result<QJsonObject> collect() const = 0;
    /// The words for a JSON field of an error ("weekly.tue[1]" → "Weekly hours, Tuesday, interval 2").
    virtual QString fieldLabel(const QString& field) const = 0;
    virtual void retranslateForm() = 0;
    virtual QJsonObject newRecordData() const { return {}; }
    /// Admins only, unless the kind says otherwise (dispatch: supervisors for their groups).
    virtual bool mayEdit(const QJsonObject& record) const;
    virtual bool mayCreate() const;
    /// The list's order (by name unless the kind has one of its own).
    virtual void order(QList<QJsonObject>& records) const;
    /// Called after the list was read again.
    virtual void recordsReloaded() { }
    /// What only this editor checks before saving (names against the other records …).
    virtual Status checkAgainst(const QJsonObject& record, const QList<QJsonObject>& others) const;

    void showError(const Error& error);
    void showNote(const QString& text);
    void reload();
    const QList<QJsonObject>& records() const { return m_records; }
    QJsonObject current() const { return m_current; }

    const Workstation& m_ws;
    WorkflowRecords m_store;
    QWidget* m_form; ///< the subclass's widgets live here (disabled when read-only)
    QVBoxLayout* m_formLayout;
    QVBoxLayout* m_below; ///< under the form, enabled for every reader (a preview)
    QHBoxLayout* m_listButtons; ///< below the list, after New
    QListWidget* m_list;

private:
    void teamChanged(const StoreChange& change);
    void display(const QJsonObject& record);
    void updateEditable();
    /// The form's record with its id, empty when it does not pass the rules.
    QJsonObject typed() const;

    QString m_kind;
    QList<QJsonObject> m_records;
    QJsonObject m_current;
    QPushButton* m_new;
    QPushButton* m_save;
    QLabel* m_error;
    QLabel* m_readOnly;
    QLabel* m_note;
    bool m_blank = false; ///< the form shows a new record made because there was none, untouched
};

} // namespace gongdan
