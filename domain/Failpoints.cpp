#include "domain/Failpoints.h"

#include <cstdio>
#include <unistd.h>

namespace gongdan {

Failpoints Failpoints::fromEnvironment()
{
    return Failpoints(qEnvironmentVariable("GONGDAN_FAILPOINTS").split(QLatin1Char(','), Qt::SkipEmptyParts));
}

void Failpoints::crashIf(const QString& name) const
{
    if (!isActive(name))
        return;
    std::fprintf(stderr, "{\"event\":\"failpoint\",\"name\":\"%s\"}\n", qPrintable(name));
    ::_exit(70);
}

} // namespace gongdan
