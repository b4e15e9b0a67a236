// Pre-flight decision time of the wallet guard on a local anvil: without simulation (chain-state reads + the
// module's exact checks + provenance gate) and with simulation (plus eth_simulateV1 of the execute).
//   node --import tsx bench/vault-preflight.ts          (300 requests each)
//   N=1000 node --import tsx bench/vault-preflight.ts
import { cpus, loadavg } from 'node:os'
import { createPublicClient, encodeFunctionData, erc20Abi, http, parseEther } from 'viem'
import { readModuleSnapshot } from '../packages/vault/src/chain/readModuleSnapshot.ts'
import { encodeMultiSend } from '../packages/vault/src/decode/encodeMultiSend.ts'
import { decide } from '../packages/vault/src/preflight/decide.ts'
import { preflight } from '../packages/vault/src/preflight/preflight.ts'
import { setupTestVault } from '../packages/vault/src/testing/setupTestVault.ts'

const n = Number(process.env.N ?? 300)
const t = await setupTestVault()
const transfer = (to: `0x${string}`, amount: bigint) =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] })
const requests = [
  { to: t.alice, value: parseEther('0.1'), data: '0x' as const },
  { to: t.weth, value: 0n, data: transfer(t.bob, parseEther('0.1')) },
  { to: t.weth, value: 0n, data: transfer(t.mallory, parseEther('0.1')) },
  { to: t.weth, value: 0n, data: transfer(t.bob, parseEther('0.3')) },
  {
    to: t.vault.singletons.multiSendCallOnly,
    value: 0n,
    data: encodeMultiSend([
      { to: t.weth, value: 0n, data: transfer(t.bob, 1n) },
      { to: t.alice, value: 1n, data: '0x' },
    ]),
  },
]
const provenance = { recipient: 'user', amount: 'user', token: 'user' } as const
const base = { module: t.vault.module, sessionKey: t.agent.address }
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

// The three variants run interleaved (request i of each in turn) so load changes on the shared machine hit them alike.
async function measureAll(variants: Record<string, (i: number) => Promise<unknown> | unknown>) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
  for (let i = -20; i < n; i++) {
    for (const [name, run] of Object.entries(variants)) {
      const started = performance.now()
      await run(Math.abs(i))
      if (i >= 0) times[name]!.push(performance.now() - started)
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100
  return Object.fromEntries(
    Object.entries(times).map(([name, xs]) => [
      name,
      {
        p50: round(percentile(xs, 50)),
        p95: round(percentile(xs, 95)),
        mean: round(xs.reduce((a, b) => a + b, 0) / xs.length),
      },
    ]),
  )
}

// JSON-RPC batching: the reads of one pre-flight go out in one or two HTTP requests.
const client = {
  publicClient: createPublicClient({
    chain: t.chain.chain,
    transport: http(t.chain.rpcUrl, { batch: true }),
  }),
}
const snapshot = await readModuleSnapshot(client, { ...base, ...requests[1]! })
const figures = await measureAll({
  decideOnlyMs: (i) => decide(snapshot, { ...requests[1 + (i % 3)]!, provenance }),
  withoutSimulationMs: (i) =>
    preflight(client, { ...base, ...requests[i % requests.length]!, provenance, simulate: false }),
  withSimulationMs: (i) => preflight(client, { ...base, ...requests[i % requests.length]!, provenance }),
})
await t.chain.close()
console.log(
  JSON.stringify({
    requests: n,
    cpus: cpus().length,
    load: loadavg()[0]!.toFixed(2),
    ...figures,
  }),
)
