import { getTokenState } from '../graph/getTokenState.ts'
import type { WalletGraph } from '../graph/WalletGraph.ts'
import { type AnalysisOptions, defaultAnalysisOptions } from './AnalysisOptions.ts'
import { detectCabals } from './detectCabals.ts'
import { detectDevSide } from './detectDevSide.ts'
import { detectFresh } from './detectFresh.ts'
import { detectLeads } from './detectLeads.ts'
import { detectWash } from './detectWash.ts'
import { inferEntities } from './inferEntities.ts'
import { isPrivateFunder } from './isPrivateFunder.ts'
import { participantsOf } from './participantsOf.ts'
import type { TokenAnalysis, WalletRole } from './TokenAnalysis.ts'

/** Parameters of {@link analyzeToken}. */
export type AnalyzeTokenParameters = {
  token: string
  options?: Partial<AnalysisOptions>
  /** Entities already inferred for this graph (they do not depend on the token). */
  entities?: Map<string, string>
}

/**
 * Runs every detector on one token: entities, the dev and its insiders (multi-hop funding, token
 * hand-outs), bundlers (creation-block buys), snipers, lead wallets and their followers, cabals, wash
 * rings and fresh wallets, and gives each wallet one role. Throws `UnknownTokenError` for a token the
 * graph has not seen.
 *
 * @example
 * const analysis = analyzeToken(graph, { token })
 * analysis.roles.get(wallet) // 'insider'
 */
export function analyzeToken(graph: WalletGraph, parameters: AnalyzeTokenParameters): TokenAnalysis {
  const state = getTokenState(graph, parameters.token)
  const options = { ...defaultAnalysisOptions, ...parameters.options }
  const entities = parameters.entities ?? inferEntities(graph, options)
  const privateCache = new Map<string, boolean>()
  const isPublic = (wallet: string) => {
    const cached = privateCache.get(wallet)
    if (cached !== undefined) return !cached
    const p = isPrivateFunder(graph, wallet, options)
    privateCache.set(wallet, p)
    return !p
  }
  const participants = participantsOf(state)
  const launch = state.launch
  const dev = launch?.creator
  const insiders = detectDevSide(graph, { state, participants, entities, isPublic, options })
  const devSide = new Set([...(dev ? [dev] : []), ...insiders.map((i) => i.wallet)])
  const bundlers = launch
    ? [...state.firstBuy.values()]
        .filter((t) => t.block === launch.block && t.trader !== dev)
        .map((t) => t.trader)
    : []
  const snipers = launch
    ? [...state.firstBuy.values()]
        .filter((t) => t.block > launch.block && t.timestamp <= launch.timestamp + options.sniperSeconds)
        .filter((t) => !devSide.has(t.trader))
        .map((t) => ({ wallet: t.trader, secondsAfterLaunch: t.timestamp - launch.timestamp }))
    : []
  const others = new Set(participants.filter((w) => !devSide.has(w) && !bundlers.includes(w)))
  const wash = detectWash({ state, candidates: others, entities, options })
  const washing = new Set(wash.flatMap((w) => w.wallets))
  const free = new Set([...others].filter((w) => !washing.has(w)))
  const leads = detectLeads({ state, candidates: free, entities, options })
  const cabals = detectCabals({ state, candidates: free, entities, leads, options })

  const roles = new Map<string, WalletRole>()
  const assign = (wallet: string, role: WalletRole) => {
    if (!roles.has(wallet)) roles.set(wallet, role)
  }
  if (dev) assign(dev, 'dev')
  for (const b of bundlers) assign(b, 'bundler')
  for (const i of insiders) assign(i.wallet, 'insider')
  for (const w of washing) assign(w, 'wash')
  for (const c of cabals) {
    if (c.lead) assign(c.lead, 'lead')
    for (const m of c.members) assign(m, 'cabal')
  }
  for (const l of leads) assign(l.lead, 'lead')
  for (const s of snipers) assign(s.wallet, 'sniper')
  for (const l of leads) for (const f of l.followers) assign(f, 'follower')
  for (const w of participants) assign(w, 'organic')

  return {
    token: state.token,
    asOf: graph.now,
    launch: launch && {
      creator: launch.creator,
      block: launch.block,
      timestamp: launch.timestamp,
      totalSupply: launch.totalSupply,
    },
    dev,
    entities,
    roles,
    insiders,
    bundlers: bundlers.sort(),
    snipers,
    leads,
    cabals,
    wash,
    fresh: detectFresh(graph, state, options),
  }
}
