#pragma once

#include "domain/Ticket.h"
#include "ui/common/Workstation.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace gongdan {

/// Writes on a ticket: a public reply to the customer (对外回复) or an internal note (内部私密回复),
/// with attachments. Ctrl+Enter sends. Failures show under the text; what was typed is kept.
class TicketComposer : public QWidget {
    Q_OBJECT

public:
    TicketComposer(const Workstation& workstation, QWidget* parent = nullptr);

    void setTicketId(const QString& ticketId) { m_ticketId = ticketId; }
    /// Adds files to send with the next comment (the attach button asks for them, or they are dropped on
    /// the composer or the conversation). A file over the size limit is refused with a message naming its
    /// size and the limit; what was typed stays.
    void attachFiles(const QStringList& paths);
    const QStringList& attachedFiles() const { return m_files; }
    /// Sends what was written; true when the comment was stored.
    bool send();
    bool isEmpty() const;
    QJsonObject snapshot() const;
    void applySnapshot(const QJsonObject& snapshot);
    void retranslate();

Q_SIGNALS:
    void edited();
    void sent();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showAttachments();

    const Workstation& m_ws;
    QString m_ticketId;
    QStringList m_files;
    QRadioButton* m_public;
    QRadioButton* m_internal;
    QPlainTextEdit* m_text;
    QLabel* m_attachments;
    QLabel* m_error;
    QPushButton* m_attach;
    QPushButton* m_send;
};

} // namespace gongdan
