import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { encodeFunctionData, type Hex } from 'viem'
import { signIntent } from '../approvals/signIntent.ts'
import { recordAttempt } from '../audit/recordAttempt.ts'
import { readModuleSnapshot } from '../chain/readModuleSnapshot.ts'
import { revertName } from '../chain/revertName.ts'
import { decide } from '../preflight/decide.ts'
import { type CampaignReport, emptyTally } from './CampaignReport.ts'
import { checkChainInvariants, type ExecutedSpend, snapshotBalances } from './checkChainInvariants.ts'
import { runRace } from './runRace.ts'
import { seededRandom } from './seededRandom.ts'
import { setupCampaign } from './setupCampaign.ts'
import { attackShapes, generateEpisode, reentryPayload } from './shapes.ts'

/** Parameters of {@link runCampaign}. */
export type RunCampaignParameters = {
  chain: ConnectChainReturnType
  episodes: number
  seed?: number
  /** Every attempt is recorded here (without receipts, for speed). */
  log?: AuditLog
  /** Requests in the parallel race (default 100; 0 = no race). */
  raceSize?: number
  onProgress?: (done: number) => void
  /** Stop generating episodes at this time (ms since the epoch) and report the ones run. */
  deadline?: number
}

/**
 * The adversarial campaign: generates episodes of every attack shape, runs each through the pre-flight, lets
 * a simulated human approve only legit held requests, then sends every request to the module anyway (an
 * attacker with the session key would), and finally checks from chain balances and allowances that no value
 * moved without authorization. Also checks that pre-flight and module agree on every decision.
 *
 * @example
 * const report = await runCampaign({ chain: await connectChain(), episodes: 300 })
 * report.unauthorized // 0
 */
export async function runCampaign(parameters: RunCampaignParameters): Promise<CampaignReport> {
  const started = performance.now()
  const { chain, episodes, log } = parameters
  const seed = parameters.seed ?? 1
  const rng = seededRandom(seed)
  const { world, policy, owners, sessionKey } = await setupCampaign(chain)
  const rpc = (method: string, params: unknown[]) =>
    chain.publicClient.request({ method: method as never, params: params as never })
  const before = await snapshotBalances(chain, world)
  const report: CampaignReport = { seed, episodes, shapes: {}, unauthorized: 0, findings: [], elapsedMs: 0 }
  const spends: ExecutedSpend[] = []
  let t = Number((await chain.publicClient.getBlock()).timestamp) + 10
  let nonce = 1n
  // Explicit nonces and a fixed gas price: every attempt, even one the module reverts, is mined at once.
  let txNonce = await chain.publicClient.getTransactionCount({
    address: sessionKey.address,
    blockTag: 'pending',
  })
  const send = async (data: Hex, at: number) => {
    await rpc('evm_setNextBlockTimestamp', [at])
    const hash = await chain.walletClient.sendTransaction({
      account: sessionKey,
      to: world.module,
      data,
      gas: 1_500_000n,
      gasPrice: 50_000_000_000n,
      nonce: txNonce++,
      chain: chain.chain,
    })
    try {
      return await chain.publicClient.waitForTransactionReceipt({ hash, timeout: 10_000 })
    } catch {
      // Not mined by automine: record what the node says, mine it by hand, go on.
      const pool = await rpc('txpool_inspect', []).catch((e) => String(e))
      report.findings.push(`stalled transaction ${hash} at ${at}: ${JSON.stringify(pool).slice(0, 400)}`)
      await rpc('evm_mine', [])
      return chain.publicClient.waitForTransactionReceipt({ hash, timeout: 30_000 })
    }
  }
  for (let i = 0; i < episodes; i++) {
    if (parameters.deadline !== undefined && Date.now() > parameters.deadline) {
      report.episodes = i
      break
    }
    const shape = attackShapes[i % attackShapes.length]!
    const episode = generateEpisode(shape, world, rng)
    report.shapes[shape] ??= emptyTally()
    const tally = report.shapes[shape]
    tally.count++
    if (shape === 'reentrancy') {
      const { arm } = reentryPayload(world, world.attackers[0]!)
      t += 1
      await rpc('evm_setNextBlockTimestamp', [t])
      await chain.publicClient.waitForTransactionReceipt({
        hash: await chain.walletClient.sendTransaction({ to: world.reenterer, data: arm }),
      })
    }
    t += episode.step
    const snapshot = await readModuleSnapshot(chain, {
      module: world.module,
      sessionKey: sessionKey.address,
      to: episode.to,
      value: episode.value,
      data: episode.data,
      now: t,
    })
    const decision = decide(snapshot, { ...episode, tokens: policy.tokens })
    tally[decision.decision === 'allow' ? 'allow' : decision.decision === 'deny' ? 'deny' : 'needsApproval']++
    const approved =
      decision.decision === 'needs-approval' && episode.legit && decision.moduleOutcome !== 'deny'
    let data = encodeFunctionData({
      abi: iSextantGuardModuleAbi,
      functionName: 'execute',
      args: [episode.to, episode.value, episode.data],
    })
    if (approved) {
      const expiry = BigInt(t + 600)
      const n = nonce++
      const signature = await signIntent({
        owner: owners[0]!,
        chainId: chain.chain.id,
        safe: world.safe,
        module: world.module,
        sessionKey: sessionKey.address,
        to: episode.to,
        value: episode.value,
        data: episode.data,
        nonce: n,
        expiry,
      })
      data = encodeFunctionData({
        abi: iSextantGuardModuleAbi,
        functionName: 'executeWithCoSignature',
        args: [episode.to, episode.value, episode.data, n, expiry, signature],
      })
    }
    let expectedRevert: string | undefined
    if (!approved && decision.decision !== 'allow') {
      try {
        await chain.publicClient.call({
          account: sessionKey.address,
          to: world.module,
          data,
          blockOverrides: { time: BigInt(t) },
        })
      } catch (error) {
        expectedRevert = revertName(error)
      }
    }
    const receipt = await send(data, t)
    const ok = receipt.status === 'success'
    tally[ok ? 'executed' : 'reverted']++
    if (approved && ok) tally.approved++
    const shouldRun = decision.decision === 'allow' || approved
    if (ok !== shouldRun) {
      tally.mismatches++
      report.findings.push(
        `episode ${i} (${shape}): pre-flight ${decision.decision} (${decision.rule}) but the chain ${ok ? 'executed' : 'reverted'}`,
      )
    }
    const moduleRule =
      decision.moduleOutcome === 'needs-approval' ? 'policy.CoSignatureRequired' : decision.rule
    if (decision.decision === 'deny' && expectedRevert && `policy.${expectedRevert}` !== moduleRule) {
      tally.ruleMismatches++
      report.findings.push(
        `episode ${i} (${shape}): pre-flight rule ${decision.rule}, module reverted ${expectedRevert}`,
      )
    }
    if (ok) {
      for (const r of decision.reservations)
        spends.push({ token: r.token, amount: r.amount, timestamp: t, coSigned: approved })
    }
    if (log) {
      await recordAttempt(log, {
        outcome: ok
          ? 'allowed'
          : decision.decision === 'needs-approval'
            ? 'needs-approval'
            : decision.decision === 'deny'
              ? 'denied'
              : 'reverted',
        rule: decision.rule,
        reason: decision.reason,
        chainId: chain.chain.id,
        safe: world.safe,
        module: world.module,
        sessionKey: sessionKey.address,
        to: episode.to,
        value: episode.value,
        data: episode.data,
        provenance: episode.provenance,
        txHash: receipt.transactionHash,
        receipt: false,
      })
    }
    parameters.onProgress?.(i + 1)
  }
  if ((parameters.raceSize ?? 100) > 0) {
    t += 3_601
    try {
      report.race = await runRace({
        chain,
        world,
        sessionKey,
        at: t,
        size: parameters.raceSize ?? 100,
        spends,
        nonce: txNonce,
      })
    } catch (error) {
      report.findings.push(
        `the race did not run: ${(error as { shortMessage?: string }).shortMessage ?? String(error)}`,
      )
    }
  }
  const invariants = await checkChainInvariants(chain, { world, policy, before, spends })
  report.unauthorized = invariants.violations.length
  report.findings.push(...invariants.violations)
  report.elapsedMs = performance.now() - started
  return report
}
