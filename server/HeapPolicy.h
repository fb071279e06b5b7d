#pragma once

#include <cstddef>

namespace gongdan {

/// How much freed memory the server's allocator keeps for the next request instead of handing it back
/// to the operating system.
///
/// glibc's malloc returns each freed block above its mmap threshold to the system (the threshold only
/// follows the blocks freed so far, up to 32 MB) and trims the heap's top beyond twice that. A server
/// that builds a response of megabytes per request then takes a page fault on every fresh page of every
/// response: serving a 100,000-ticket snapshot, two thirds of gongdan-server's CPU went to faulting in
/// and zeroing memory it had just given back (docs/PERFORMANCE.md, seventh pass).
namespace HeapPolicy {

/// Blocks up to this size come from the heap, and freed memory is kept up to twice this much.
constexpr std::size_t kReusedBlock = std::size_t(32) << 20;

/// Applies the policy to this process (glibc only; elsewhere the platform's allocator is left as it
/// is). Returns whether it was applied.
bool keepFreedMemoryForReuse();

} // namespace HeapPolicy

} // namespace gongdan
