// Agent runtime overhead per step, the model excluded: a zero-cost scripted model proposes one vault_transfer per
// step; each step runs the tool-call check, taint derivation over the session's inputs, the wallet guard's
// pre-flight (policy rules + an eth_call simulation on an embedded anvil, no transaction sent) and three durable
// audit-log records (chat, execute_tool, payment) on SQLite. Run: node --import tsx bench/agent-step.ts
// (prints JSON; BENCH_STEPS to adjust). Target (issue 4): p50 <= 5 ms.
import { loadavg } from 'node:os'
import { parseEther } from 'viem'
import { checkPolicy } from '../packages/agent/src/guard/checkPolicy.ts'
import type { WalletGuard } from '../packages/agent/src/guard/WalletGuard.ts'
import { createScriptedModel } from '../packages/agent/src/models/createScriptedModel.ts'
import { runAgent } from '../packages/agent/src/runtime/runAgent.ts'
import { openTestLog } from '../packages/agent/src/testing/openTestLog.ts'
import { vaultTools } from '../packages/agent/src/tools/vault/vaultTools.ts'
import { connectChain } from '../packages/chain/src/clients/connectChain.ts'

const sessions = Number(process.env.BENCH_SESSIONS ?? 30)
const steps = Number(process.env.BENCH_STEPS ?? 10)
const supplier = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

async function measure(simulate: boolean) {
  const chain = await connectChain()
  const audit = await openTestLog('sextant.bench/agent')
  const policy = {
    allowlist: [supplier as `0x${string}`],
    perTransaction: { ETH: parseEther('1') },
    daily: { ETH: parseEther('1000000') },
  }
  // Pre-flight only: the policy rules and (optionally) the eth_call simulation; sending is the chain's latency, not the runtime's.
  const guard: WalletGuard = {
    address: chain.account.address,
    chainId: chain.chain.id,
    balances: async () => [],
    transfer: async ({ to, amount }) => {
      const base = {
        kind: 'transfer' as const,
        chainId: chain.chain.id,
        asset: 'ETH',
        value: amount.value,
        to: to.value,
      }
      const verdict = checkPolicy({ policy, to, amount, asset: 'ETH', spentToday: 0n })
      if (verdict) return { ...base, ...verdict }
      if (simulate)
        await chain.publicClient.call({ account: chain.account, to: to.value, value: amount.value })
      return { ...base, decision: 'allow', rule: 'policy', reason: 'pre-flight passed (not sent)' }
    },
    approve: async () => {
      throw new Error('unused')
    },
    swap: async () => {
      throw new Error('unused')
    },
  }
  const perStep: number[] = []
  let events = 0
  const cpu0 = process.cpuUsage()
  for (let s = 0; s < sessions; s++) {
    const marks: number[] = []
    const inner = createScriptedModel((_r, n) =>
      n < steps
        ? {
            toolCalls: [
              { name: 'vault_transfer', arguments: JSON.stringify({ to: supplier, amount: '0.001' }) },
            ],
          }
        : { content: 'done' },
    )
    const model = {
      ...inner,
      complete: (...a: Parameters<typeof inner.complete>) => {
        marks.push(performance.now())
        return inner.complete(...a)
      },
    }
    const result = await runAgent({
      model,
      tools: vaultTools({ guard }),
      task: `Pay ${supplier} 0.001 ETH per step.`,
      log: audit.log,
      budgets: { maxSteps: steps + 1 },
    })
    if (result.payments.length !== steps || result.payments.some((p) => p.decision !== 'allow')) {
      throw new Error('benchmark run did not pay every step')
    }
    perStep.push(...marks.slice(1).map((t, i) => t - marks[i]!))
    events += result.logIndexes.length
  }
  const cpu = process.cpuUsage(cpu0)
  await audit.close()
  await chain.close()
  perStep.sort((a, b) => a - b)
  const q = (p: number) =>
    Number(perStep[Math.min(perStep.length - 1, Math.floor(p * perStep.length))]!.toFixed(3))
  return {
    simulate,
    steps: perStep.length,
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    p99Ms: q(0.99),
    /** This process's CPU (user + system) per step: what a busy machine inflates least. */
    cpuMsPerStep: Number(((cpu.user + cpu.system) / 1000 / perStep.length).toFixed(3)),
    sessions,
    stepsPerSession: steps,
    auditEvents: events,
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
  }
}

const results = [await measure(true), await measure(false)]
for (const r of results)
  process.stderr.write(
    `pre-flight ${r.simulate ? 'with eth_call' : 'rules only  '}: p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, CPU ${r.cpuMsPerStep} ms/step over ${r.steps} steps (load ${r.loadAverage})\n`,
  )
process.stdout.write(`${JSON.stringify({ benchmark: 'agent-step', targetP50Ms: 5, results })}\n`)
