#include "server/PasswordHasher.h"

#include <QByteArray>
#include <sodium.h>

namespace gongdan {

PasswordHasher::PasswordHasher(Strength strength)
    : m_opsLimit(strength == Strength::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN)
    , m_memLimit(strength == Strength::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN)
{
    // Idempotent and thread-safe; -1 only when no entropy source exists at all.
    if (sodium_init() < 0)
        qFatal("libsodium cannot initialise (no source of randomness)");
}

Result<QString> PasswordHasher::hash(const QString& password) const
{
    if (password.size() < 8)
        return Error {QStringLiteral("user.password_short"), QStringLiteral("A password has at least 8 characters."),
            QStringLiteral("password")};
    const QByteArray bytes = password.toUtf8();
    if (bytes.size() > 1024)
        return Error {QStringLiteral("user.password_long"), QStringLiteral("A password has at most 1024 bytes."),
            QStringLiteral("password")};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, bytes.constData(), static_cast<unsigned long long>(bytes.size()), m_opsLimit,
            m_memLimit, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return Error {
            QStringLiteral("server.out_of_memory"), QStringLiteral("The server could not hash the password.")};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& hash, const QString& password) const
{
    const QByteArray stored = hash.toLatin1();
    const QByteArray bytes = password.toUtf8();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(
               stored.constData(), bytes.constData(), static_cast<unsigned long long>(bytes.size()))
        == 0;
}

QString PasswordHasher::newToken()
{
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), static_cast<size_t>(raw.size()));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString PasswordHasher::tokenHash(const QString& token)
{
    const QByteArray bytes = token.toUtf8();
    QByteArray digest(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), static_cast<size_t>(digest.size()),
        reinterpret_cast<const unsigned char*>(bytes.constData()), static_cast<unsigned long long>(bytes.size()),
        nullptr, 0);
    return QString::fromLatin1(digest.toHex());
}

} // namespace gongdan
