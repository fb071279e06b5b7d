#include "server/HeapPolicy.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gongdan::HeapPolicy {

bool keepFreedMemoryForReuse()
{
#if defined(__GLIBC__)
    // Set explicitly, the thresholds stay put (glibc stops moving them). 32 MB is the largest mmap
    // threshold glibc takes; a snapshot page is a few MB, so the heap keeps a few pages' worth.
    return mallopt(M_MMAP_THRESHOLD, static_cast<int>(kReusedBlock)) == 1
        && mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kReusedBlock)) == 1;
#else
    return false;
#endif
}

} // namespace gongdan::HeapPolicy
