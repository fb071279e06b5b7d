#pragma once

#include "domain/Result.h"
#include "server/SignInLimiter.h"

class QCommandLineParser;

namespace gongdan {

/// How gongdan-server takes sign-ins and password work (docs/ARCHITECTURE.md, "Limits"; README).
struct SignInSettings {
    SignInLimits limits;
    int hashThreads = 1; ///< worker threads for Argon2 (HashWorkers)
    int hashQueue = 16; ///< password jobs waiting or running at most; more are refused with 503 auth.busy
};

/// --signin-rate-address, --signin-rate-global, --hash-threads and --hash-queue.
void addSignInOptions(QCommandLineParser& parser);
/// The settings the options give, or a sentence saying which option is wrong.
Result<SignInSettings> signInSettings(const QCommandLineParser& parser);

} // namespace gongdan
