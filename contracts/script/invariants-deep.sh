#!/usr/bin/env bash
# The wallet guard's deep invariant campaign: profile `deep` (1,000 runs x 1,000 calls = 1,000,000 handler calls),
# all three invariants checked after every call. Low priority so it can run beside other work:
#   npm run test:invariants:deep        (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
FOUNDRY_PROFILE=deep exec nice -n 19 npx forge test --match-contract VaultInvariantDeepTest --match-test invariant_allThree -vv "$@"
