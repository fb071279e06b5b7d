#include "server/AuditCommand.h"

#include "teamdb/AuditLog.h"

#include <QCommandLineParser>

namespace gongdan {

namespace {

const char* const kUsage = R"(Usage: gongdan-server audit verify [--database LOCATION] [--expect SEQ:HASH]
  verify          walks the audit trail: "ok, N entries" (exit 0), or the first edited, inserted or deleted
                  entry (exit 1)
  --expect        a head noted earlier ("SEQ:HASH" from an earlier verify) must still be in the chain
)";

} // namespace

int runAuditCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("database"), QStringLiteral("Team database."), QStringLiteral("LOCATION"),
        QStringLiteral("gongdan-team.sqlite")});
    parser.addOption({QStringLiteral("expect"), QStringLiteral("A head noted earlier."), QStringLiteral("SEQ:HASH")});
    QStringList args = arguments;
    args.removeAt(1); // "audit"
    if (!parser.parse(args) || parser.positionalArguments() != QStringList {QStringLiteral("verify")}) {
        err << kUsage;
        return 2;
    }
    const QString expect = parser.value(QStringLiteral("expect"));
    bool seqOk = false;
    const qint64 expectedSeq = expect.section(QLatin1Char(':'), 0, 0).toLongLong(&seqOk);
    if (parser.isSet(QStringLiteral("expect"))
        && (!seqOk || expectedSeq < 1 || expect.section(QLatin1Char(':'), 1).size() != 64)) {
        err << "--expect takes SEQ:HASH, as an earlier verify printed it\n" << kUsage;
        return 2;
    }
    auto database = ServerDatabase::open(parser.value(QStringLiteral("database")));
    if (!database) {
        err << "error: " << database.error().message << "\n";
        return 2;
    }
    SystemClock clock;
    AuditLog audit(*database.value(), clock);
    auto verdict = audit.verify();
    if (!verdict) {
        err << "error: " << verdict.error().message << "\n";
        return 2;
    }
    if (!verdict.value().ok) {
        out << "tampered: entry " << verdict.value().seq << ": " << verdict.value().problem << "\n";
        return 1;
    }
    if (parser.isSet(QStringLiteral("expect"))) {
        auto hash = audit.hashAt(expectedSeq);
        if (!hash) {
            err << "error: " << hash.error().message << "\n";
            return 2;
        }
        if (hash.value() != expect.section(QLatin1Char(':'), 1)) {
            out << "tampered: entry " << expectedSeq << ": "
                << (hash.value() ? QStringLiteral("its hash is not the one noted: the chain was rewritten from it on")
                                 : QStringLiteral("the entry noted is gone: the chain was cut before it"))
                << "\n";
            return 1;
        }
    }
    out << "ok, " << verdict.value().entries << " entries; head " << verdict.value().entries << ":"
        << verdict.value().headHash << "\n";
    return 0;
}

} // namespace gongdan
