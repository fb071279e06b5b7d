#include "sync/WriterQueue.h"

namespace gongdan {

WriterQueue::WriterQueue(
    const QString& path, const Clock& clock, CoreNumbering numbering, const Failpoints& failpoints, QObject* parent)
    : QObject(parent)
{
    m_writer = new SyncWriter(path, clock, numbering, failpoints);
    m_writer->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("gongdan-sync-store"));
    m_thread.start();
    // Opened on its thread (a connection is used only where it was made); a store write never comes
    // before this, since the writer takes its tasks in order.
    QMetaObject::invokeMethod(m_writer, &SyncWriter::open);
}

WriterQueue::~WriterQueue()
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { delete writer; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace gongdan
