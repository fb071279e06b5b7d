#pragma once

#include "domain/Result.h"

#include <QString>

namespace gongdan {

/// Argon2id password hashes through libsodium (crypto_pwhash_str_alg), in the self-describing
/// "$argon2id$v=19$m=…,t=…,p=1$…" form, so stronger settings later still verify old hashes.
class PasswordHasher {
public:
    /// Interactive: libsodium's interactive limits (64 MiB, 2 passes), for sign-in on a busy server.
    /// Fast: the minimum limits, for tests and benchmarks only.
    enum class Strength { Interactive, Fast };

    explicit PasswordHasher(Strength strength = Strength::Interactive);

    /// At least 8 characters; the hash, or why the password is refused.
    Result<QString> hash(const QString& password) const;
    bool verify(const QString& hash, const QString& password) const;
    /// A fresh random token (32 bytes, base64url) and the hash the server keeps of it.
    static QString newToken();
    static QString tokenHash(const QString& token);

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
};

} // namespace gongdan
