// A swap through the vault on a local anvil: gas of the guarded swap (transfer to the pair + pair.swap in one
// module execute) and the pre-flight time of a swap batch (reads, reserves, checks, provenance gate, simulation).
//   node --import tsx bench/vault-swap.ts            (200 pre-flights, 5 executed swaps)
//   N=1000 node --import tsx bench/vault-swap.ts
import { cpus, loadavg } from 'node:os'
import { parseEther } from 'viem'
import { preflight } from '../packages/vault/src/preflight/preflight.ts'
import { execute } from '../packages/vault/src/sdk/execute.ts'
import { prepareSwap } from '../packages/vault/src/swap/prepareSwap.ts'
import { setupTestVault } from '../packages/vault/src/testing/setupTestVault.ts'

const n = Number(process.env.N ?? 200)
const t = await setupTestVault({ swapPair: true })
const swap = () =>
  prepareSwap(t.chain, {
    vault: t.vault,
    pair: t.swap!.pair,
    tokenIn: t.weth,
    amountIn: parseEther('0.01'),
    slippageBps: 50,
    provenance: { recipient: 'allowlist', amount: 'user', token: 'user' },
  })
const gas: bigint[] = []
for (let i = 0; i < 5; i++) {
  const result = await execute(t.chain, {
    vault: t.vault,
    sessionKey: t.agent,
    request: (await swap()).request,
  })
  gas.push((await t.chain.publicClient.getTransactionReceipt({ hash: result.txHash! })).gasUsed)
}
const { request } = await swap()
const times: number[] = []
for (let i = -20; i < n; i++) {
  const started = performance.now()
  const d = await preflight(t.chain, { module: t.vault.module, sessionKey: t.agent.address, ...request })
  if (d.decision !== 'allow') throw new Error(`unexpected ${d.decision}: ${d.reason}`)
  if (i >= 0) times.push(performance.now() - started)
}
await t.chain.close()
const sorted = times.sort((a, b) => a - b)
const at = (p: number) => Math.round(sorted[Math.min(n - 1, Math.floor((p / 100) * n))]! * 100) / 100
const out = {
  benchmark: 'vault-swap',
  guardedSwapGas: gas.map(String),
  preflightWithSimulationMs: { p50: at(50), p95: at(95), n },
  machine: `${cpus().length} cores`,
  loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  date: new Date().toISOString(),
}
console.log(JSON.stringify(out))
