import { analyzeToken } from '../detect/analyzeToken.ts'
import { supplyShares } from '../detect/supplyShares.ts'
import type { WalletRole } from '../detect/TokenAnalysis.ts'
import { buildWalletGraph } from '../graph/buildWalletGraph.ts'
import { getTokenState } from '../graph/getTokenState.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { rugRiskAt } from '../score/rugRiskAt.ts'
import { scoreRugRisk } from '../score/scoreRugRisk.ts'
import type { ForensicsReport } from './ForensicsReport.ts'

/** Parameters of {@link buildReport}. */
export type BuildReportParameters = {
  /** Every event known (funding events carry no token: pass them all). */
  events: readonly MarketEvent[]
  token: string
}

/**
 * Builds the forensics report of one token from the events: roles, insiders, bundles, snipers, leads,
 * cabals, wash rings, fresh wallets, multi-wallet entities, supply shares over time and the rug-risk
 * score (now, at 60 s and at 5 min) with its evidence. Throws `UnknownTokenError` for a token never seen.
 *
 * @example
 * const report = buildReport({ events: await store.readEvents(), token })
 */
export function buildReport({ events, token: wanted }: BuildReportParameters): ForensicsReport {
  const graph = buildWalletGraph({ events })
  const state = getTokenState(graph, wanted)
  const token = state.token
  const analysis = analyzeToken(graph, { token })
  const roles: Partial<Record<WalletRole, string[]>> = {}
  for (const [wallet, role] of analysis.roles) {
    const list = roles[role] ?? []
    list.push(wallet)
    roles[role] = list
  }
  for (const list of Object.values(roles)) list.sort()
  const participants = new Set(analysis.roles.keys())
  const byEntity = new Map<string, string[]>()
  for (const [wallet, entity] of analysis.entities) {
    const list = byEntity.get(entity) ?? []
    list.push(wallet)
    byEntity.set(entity, list)
  }
  const entities = [...byEntity]
    .filter(([, wallets]) => wallets.length > 1 && wallets.some((w) => participants.has(w)))
    .map(([id, wallets]) => ({ id, wallets: wallets.sort() }))
  const since = state.launch ? graph.now - state.launch.timestamp : 0
  const at = (s: number) =>
    state.launch && since >= s ? rugRiskAt({ events, token, secondsAfterLaunch: s }) : undefined
  return {
    token,
    chain: state.launch?.chain ?? state.trades[0]?.chain,
    name: state.launch?.name,
    symbol: state.launch?.symbol,
    launch: analysis.launch && {
      creator: analysis.launch.creator,
      block: analysis.launch.block,
      timestamp: analysis.launch.timestamp,
    },
    asOf: graph.now,
    events: { trades: state.trades.length, transfers: state.transfers.length, wallets: participants.size },
    roles,
    insiders: analysis.insiders,
    bundlers: analysis.bundlers,
    snipers: analysis.snipers,
    leads: analysis.leads,
    cabals: analysis.cabals,
    wash: analysis.wash.map((w) => ({
      entity: w.entity,
      wallets: w.wallets,
      buys: w.buys,
      sells: w.sells,
      internalTransfers: w.internalTransfers,
      volume: w.volume.toString(),
      net: w.net.toString(),
    })),
    fresh: analysis.fresh,
    entities,
    supply: supplyShares(graph, { analysis }),
    risk: { now: scoreRugRisk(graph, { analysis }), at60s: at(60), at5min: at(300) },
  }
}
