#pragma once

#include "domain/FieldDefinition.h"
#include "domain/Ticket.h"
#include "storage/TeamDirectory.h"

#include <QAbstractListModel>
#include <QSet>
#include <functional>

namespace gongdan {

/// A ticket's timeline (工单事件记录) for the ticket editor: comments and events of the event log in
/// the order they happened, each as one line of readable text. Comment events are not listed twice:
/// the comment itself stands for them.
class TimelineModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Roles {
        KindRole = Qt::UserRole + 1,
        ActorRole,
        TimeRole,
        BodyRole,
        InternalRole,
        AttachmentCountRole,
        RefusedRole, ///< a comment written here that the server refused: not sent
        OriginRole ///< a comment a merge moved here: the number of the ticket it was written on
    };

    explicit TimelineModel(const TeamDirectory& directory, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// `unsent`: comments written here that the server refused (marked as not sent); `refused`: the
    /// queued changes the server refused (their events are marked so).
    void setEntries(const QList<Comment>& comments, const QList<TicketEvent>& events, const QSet<QString>& unsent = {},
        const QSet<QString>& refused = {});
    /// The text of an event as the timeline shows it ("杨帆 changed priority: 一般 → 紧急"): the actor's name,
    /// field labels and values in words (names of groups, agents and categories, options' labels, tags).
    QString describe(const TicketEvent& event) const;
    /// The custom fields' definitions: their labels and options' labels in the timeline.
    void setDefinitions(QList<FieldDefinition> definitions) { m_definitions = std::move(definitions); }
    /// The files of the conversation, in the order they were attached (the same file under the same name once).
    const QList<AttachmentRef>& attachments() const { return m_files; }
    /// How a linked or merged ticket is named (its number); the id when not set or unknown.
    void setTicketNames(std::function<QString(const QString&)> name) { m_ticketName = std::move(name); }
    /// How a customer is named in a change of the customer field; the id when not set or unknown.
    void setCustomerNames(std::function<QString(const QString&)> name) { m_customerName = std::move(name); }

private:
    struct Entry {
        QDateTime at;
        QString kind; ///< "comment" or the event's kind
        QString actorId;
        QString text;
        bool internal = false;
        int attachments = 0;
        bool refused = false;
        QString origin {}; ///< a moved comment's ticket number
    };
    QString fieldLabel(const QString& field) const;
    QString valueText(const QString& field, const QString& value) const;

    QString tagsChange(const QString& who, const QString& was, const QString& now) const;

    const TeamDirectory& m_directory;
    QList<FieldDefinition> m_definitions;
    std::function<QString(const QString&)> m_ticketName;
    std::function<QString(const QString&)> m_customerName;
    QString ticketName(const QString& id) const;
    QList<Entry> m_entries;
    QList<AttachmentRef> m_files;
};

} // namespace gongdan
