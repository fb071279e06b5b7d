#pragma once

namespace gongdan::test {

/// The rule-parity test's columns (backend, who, op, target, start, args, code, field, expect) and rows:
/// create, patch, transition, comment and link by each role, on both backends (ParityTeam's symbols).
void addParityRows();

} // namespace gongdan::test
