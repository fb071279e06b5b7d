#include "server/SignInOptions.h"

#include "server/HashWorkers.h"

#include <QCommandLineParser>

namespace gongdan {

void addSignInOptions(QCommandLineParser& parser)
{
    const SignInSettings defaults;
    parser.addOption({QStringLiteral("signin-rate-address"),
        QStringLiteral("Sign-in attempts one address (an IPv6 /64) may make a minute, as a burst or spread out; "
                       "successful ones are not counted (default %1; 0: no limit).")
            .arg(defaults.limits.perAddressPerMinute),
        QStringLiteral("N"), QString::number(defaults.limits.perAddressPerMinute)});
    parser.addOption({QStringLiteral("signin-rate-global"),
        QStringLiteral("Sign-in attempts all addresses together may make a minute; successful ones are not counted "
                       "(default %1; 0: no limit).")
            .arg(defaults.limits.globalPerMinute),
        QStringLiteral("N"), QString::number(defaults.limits.globalPerMinute)});
    parser.addOption({QStringLiteral("hash-threads"),
        QStringLiteral("Threads that check and hash passwords (default: half the cores, here %1).")
            .arg(HashWorkers::defaultThreads()),
        QStringLiteral("N"), QString::number(HashWorkers::defaultThreads())});
    parser.addOption({QStringLiteral("hash-queue"),
        QStringLiteral("Password checks waiting or running at most; more are refused with 503 (default %1).")
            .arg(defaults.hashQueue),
        QStringLiteral("N"), QString::number(defaults.hashQueue)});
}

Result<SignInSettings> signInSettings(const QCommandLineParser& parser)
{
    SignInSettings settings;
    const auto number = [&parser](const char* name, int minimum, int maximum, int* out) {
        bool ok = false;
        *out = parser.value(QLatin1String(name)).toInt(&ok);
        return ok && *out >= minimum && *out <= maximum;
    };
    if (!number("signin-rate-address", 0, 1000000, &settings.limits.perAddressPerMinute)
        || !number("signin-rate-global", 0, 1000000, &settings.limits.globalPerMinute))
        return Error {QStringLiteral("bad_arguments"),
            QStringLiteral("--signin-rate-address and --signin-rate-global take a whole number from 0 to 1000000")};
    if (!number("hash-threads", 1, 64, &settings.hashThreads) || !number("hash-queue", 1, 10000, &settings.hashQueue))
        return Error {QStringLiteral("bad_arguments"),
            QStringLiteral("--hash-threads takes a whole number from 1 to 64, --hash-queue from 1 to 10000")};
    return settings;
}

} // namespace gongdan
