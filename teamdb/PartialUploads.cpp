#include "teamdb/PartialUploads.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace gongdan {

namespace {

constexpr qint64 kSweepEveryMs = 60LL * 60 * 1000;

QString hexOf(const QByteArray& text, int length)
{
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(length));
}

Error diskError(const QString& what, const QString& why)
{
    return Error {QStringLiteral("server.disk"), QStringLiteral("%1: %2").arg(what, why), QString()};
}

} // namespace

PartialUploads::PartialUploads(QString directory, const Clock& clock)
    : m_directory(std::move(directory)), m_clock(clock)
{
}

QString PartialUploads::defaultDirectory(const QString& databaseLocation)
{
    if (!databaseLocation.startsWith(QLatin1String("postgresql:")))
        return QFileInfo(databaseLocation).absoluteFilePath() + QStringLiteral(".uploads");
    // One folder per database (the same server started again finds its partial uploads; two servers on two
    // databases never share one), named by a hash so no password reaches a path.
    return QDir::tempPath() + QStringLiteral("/gongdan-uploads-") + hexOf(databaseLocation.toUtf8(), 16);
}

QString PartialUploads::userFolder(const QString& userId) const
{
    return m_directory + QLatin1Char('/') + hexOf(userId.toUtf8(), 32); // any id is a safe file name
}

QString PartialUploads::filePath(const QString& userId, const QString& sha256) const
{
    return userFolder(userId) + QLatin1Char('/') + sha256 + QStringLiteral(".part");
}

QString PartialUploads::metaPath(const QString& userId, const QString& sha256) const
{
    return userFolder(userId) + QLatin1Char('/') + sha256 + QStringLiteral(".json");
}

std::optional<std::pair<qint64, qint64>> PartialUploads::readMeta(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject meta = QJsonDocument::fromJson(file.read(4096)).object();
    const qint64 total = meta.value(QStringLiteral("total")).toInteger(-1);
    const qint64 updated = meta.value(QStringLiteral("updated_ms")).toInteger(-1);
    if (total <= 0 || updated < 0)
        return std::nullopt;
    return std::pair {total, updated};
}

std::optional<PartialUpload> PartialUploads::find(const QString& userId, const QString& sha256)
{
    const auto meta = readMeta(metaPath(userId, sha256));
    const QFileInfo part(filePath(userId, sha256));
    if (!meta || !part.exists()) {
        if (meta || part.exists())
            discard(userId, sha256); // half a pair: nothing to resume
        return std::nullopt;
    }
    if (m_clock.nowMs() - meta->second > kExpiryMs) {
        discard(userId, sha256);
        return std::nullopt;
    }
    return PartialUpload {part.size(), meta->first};
}

Result<qint64> PartialUploads::append(
    const QString& userId, const QString& sha256, qint64 start, qint64 total, QByteArrayView chunk)
{
    const QString what = QStringLiteral("Cannot keep the partial upload");
    if (!QDir().mkpath(userFolder(userId)))
        return diskError(what, QStringLiteral("cannot create %1").arg(userFolder(userId)));
    QFile file(filePath(userId, sha256));
    if (start == 0) {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return diskError(what, file.errorString());
    } else {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
            return diskError(what, file.errorString());
        if (file.size() != start)
            return diskError(what, QStringLiteral("the file has %1 bytes, not %2").arg(file.size()).arg(start));
    }
    // The sidecar first: a file is never without its total (a crash in between leaves a pair to resume).
    QSaveFile meta(metaPath(userId, sha256));
    if (!meta.open(QIODevice::WriteOnly))
        return diskError(what, meta.errorString());
    meta.write(
        QJsonDocument(QJsonObject {{QStringLiteral("total"), total}, {QStringLiteral("updated_ms"), m_clock.nowMs()}})
            .toJson(QJsonDocument::Compact));
    if (!meta.commit())
        return diskError(what, meta.errorString());
    if (file.write(chunk.constData(), chunk.size()) != chunk.size() || !file.flush())
        return diskError(what, file.errorString());
    return file.size();
}

void PartialUploads::discard(const QString& userId, const QString& sha256)
{
    QFile::remove(filePath(userId, sha256));
    QFile::remove(metaPath(userId, sha256));
    QDir().rmdir(userFolder(userId)); // only when empty
}

PartialHolding PartialUploads::holding(const QString& userId, const QString& exceptSha256) const
{
    PartialHolding held;
    const QDir folder(userFolder(userId));
    for (const QFileInfo& meta : folder.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        if (meta.completeBaseName() == exceptSha256)
            continue;
        const auto read = readMeta(meta.absoluteFilePath());
        if (!read || m_clock.nowMs() - read->second > kExpiryMs)
            continue;
        ++held.count;
        held.bytes += read->first;
    }
    return held;
}

int PartialUploads::sweep()
{
    m_lastSweepMs = m_clock.nowMs();
    int removed = 0;
    const QDir root(m_directory);
    for (const QFileInfo& user : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDir folder(user.absoluteFilePath());
        for (const QFileInfo& part : folder.entryInfoList({QStringLiteral("*.part")}, QDir::Files)) {
            const QString meta = folder.filePath(part.completeBaseName() + QStringLiteral(".json"));
            const auto read = readMeta(meta);
            if (read && m_clock.nowMs() - read->second <= kExpiryMs)
                continue;
            QFile::remove(part.absoluteFilePath());
            QFile::remove(meta);
            ++removed;
        }
        for (const QFileInfo& meta : folder.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
            if (!folder.exists(meta.completeBaseName() + QStringLiteral(".part"))) // a sidecar alone
                QFile::remove(meta.absoluteFilePath());
        }
        root.rmdir(user.fileName()); // only when empty
    }
    return removed;
}

void PartialUploads::sweepNowAndThen()
{
    if (m_lastSweepMs < 0 || m_clock.nowMs() - m_lastSweepMs >= kSweepEveryMs)
        sweep();
}

} // namespace gongdan
