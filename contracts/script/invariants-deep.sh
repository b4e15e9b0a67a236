#!/usr/bin/env bash
# The wallet guard's deep invariant campaign: >= 1,000,000 handler calls with all three invariants checked after
# every call (VaultInvariantDeepTest.invariant_allThree), at low priority so it can run beside other work.
#   npm run test:invariants:deep                 100 chunks x (10 runs x 1,000 calls), seeds 0x5e77a48.. (default)
#   CHUNKS=1 RUNS=1000 npm run test:invariants:deep    one campaign of 1,000 runs x 1,000 calls (profile `deep`)
#   NICE=0 npm run test:invariants:deep               at normal priority (default nice 19)
# Chunks print their result as they finish; the first failing chunk stops the campaign with its counterexample.
set -euo pipefail
cd "$(dirname "$0")/.."
chunks=${CHUNKS:-100}
runs=${RUNS:-10}
depth=${DEPTH:-1000}
for ((i = 1; i <= chunks; i++)); do
  seed=$(printf '0x%x' $((0x5e77a47 + i)))
  if ! out=$(FOUNDRY_PROFILE=deep FOUNDRY_INVARIANT_RUNS=$runs FOUNDRY_INVARIANT_DEPTH=$depth FOUNDRY_FUZZ_SEED=$seed \
    nice -n "${NICE:-19}" npx forge test --match-contract VaultInvariantDeepTest --match-test invariant_allThree -vv 2>&1); then
    echo "$out"
    echo "chunk $i/$chunks (seed $seed) FAILED after $(((i - 1) * runs * depth)) calls in earlier chunks"
    exit 1
  fi
  echo "chunk $i/$chunks seed $seed: $(echo "$out" | grep -E 'PASS' | head -1 | sed 's/^ *//')"
done
echo "deep campaign passed: $((chunks * runs * depth)) handler calls"
