#include "server/HeapPolicy.h"

#include <QTest>
#include <cstdlib>
#include <cstring>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace gongdan;

/// server/HeapPolicy: a response-sized block the server frees stays in its heap for the next request,
/// instead of going back to the system and being faulted in again page by page. The functions run in
/// order in one process: first glibc's defaults, then the policy.
class TestHeapPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byDefaultAFreedResponseGoesBackToTheSystem();
    void withThePolicyTheHeapKeepsIt();

private:
    struct Seen {
        std::size_t mappedWhileHeld = 0; ///< bytes in blocks of their own (mmap) while the block is held
        std::size_t freeInHeapAfter = 0; ///< bytes free in the heap for reuse once it is freed
    };
    static Seen allocateAndFree(std::size_t bytes);
};

namespace {
// Stored through a volatile pointer so that the compiler keeps the allocation.
void* volatile g_block = nullptr;
} // namespace

TestHeapPolicy::Seen TestHeapPolicy::allocateAndFree(std::size_t bytes)
{
    Seen seen;
#if defined(__GLIBC__)
    g_block = std::malloc(bytes);
    std::memset(g_block, 1, bytes); // a response is written in full
    seen.mappedWhileHeld = mallinfo2().hblkhd;
    std::free(g_block);
    g_block = nullptr;
    seen.freeInHeapAfter = mallinfo2().fordblks;
#else
    Q_UNUSED(bytes);
#endif
    return seen;
}

void TestHeapPolicy::byDefaultAFreedResponseGoesBackToTheSystem()
{
#if !defined(__GLIBC__)
    QSKIP("The policy applies to glibc's allocator only.");
#endif
    // What the policy is for: a 4 MB page is a block of its own, unmapped when freed.
    const std::size_t page = std::size_t(4) << 20;
    const Seen seen = allocateAndFree(page);
    QVERIFY(seen.mappedWhileHeld >= page);
    QVERIFY2(seen.freeInHeapAfter < page, qPrintable(QString::number(seen.freeInHeapAfter)));
}

void TestHeapPolicy::withThePolicyTheHeapKeepsIt()
{
#if !defined(__GLIBC__)
    QVERIFY(!HeapPolicy::keepFreedMemoryForReuse());
    QSKIP("The policy applies to glibc's allocator only.");
#endif
    QVERIFY(HeapPolicy::keepFreedMemoryForReuse());
    // Above the 4 MB glibc's moving threshold learned from the first function, up to the policy's size.
    for (const std::size_t bytes : {std::size_t(8) << 20, HeapPolicy::kReusedBlock - 4096}) {
        const Seen seen = allocateAndFree(bytes);
        QCOMPARE(seen.mappedWhileHeld, std::size_t(0));
        QVERIFY2(seen.freeInHeapAfter >= bytes, qPrintable(QString::number(seen.freeInHeapAfter)));
    }
}

QTEST_GUILESS_MAIN(TestHeapPolicy)
#include "tst_heappolicy.moc"
