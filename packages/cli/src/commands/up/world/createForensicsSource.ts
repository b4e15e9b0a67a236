import type { Alert } from '@sextant/forensics/alerts/Alert'
import { buildWalletGraph } from '@sextant/forensics/graph/buildWalletGraph'
import { getTokenState } from '@sextant/forensics/graph/getTokenState'
import type { MarketEvent } from '@sextant/forensics/model/MarketEvent'
import { buildReport } from '@sextant/forensics/report/buildReport'
import type { ForensicsReport } from '@sextant/forensics/report/ForensicsReport'
import type { EventStore } from '@sextant/forensics/store/EventStore'
import type { ForensicsSource, Launch, TokenDetail } from '@sextant/server/forensics/ForensicsSource'

/**
 * The forensics module's source over `@sextant/forensics`: events from the event store (what ingestion
 * committed), one report per token (`buildReport`: roles, clusters, supply shares, rug risk with evidence),
 * recomputed only when new events arrived, and the alert monitor's alerts.
 *
 * @example
 * const source = createForensicsSource({ store, alerts: () => alerts })
 */
export function createForensicsSource({
  store,
  alerts,
  watch,
}: {
  store: EventStore
  alerts: () => readonly Alert[]
  watch?: ForensicsSource['watch']
}): ForensicsSource {
  let cached: { count: number; events: MarketEvent[]; reports: Map<string, ForensicsReport> } | undefined
  const load = async () => {
    const count = await store.countEvents()
    if (!cached || cached.count !== count)
      cached = { count, events: await store.readEvents(), reports: new Map() }
    return cached
  }
  const reportOf = (c: NonNullable<typeof cached>, token: string) => {
    let report = c.reports.get(token)
    if (!report) {
      report = buildReport({ events: c.events, token })
      c.reports.set(token, report)
    }
    return report
  }
  const launchOf = (c: NonNullable<typeof cached>, token: string): Launch => {
    const r = reportOf(c, token)
    const migrated = c.events.some((e) => e.kind === 'complete' && e.token === token)
    return {
      token: r.token,
      symbol: r.symbol ?? '?',
      name: r.name ?? '',
      createdAt: (r.launch?.timestamp ?? r.asOf) * 1000,
      creator: r.launch?.creator ?? '',
      risk: Math.round(r.risk.now.score * 100),
      signals: r.risk.now.signals
        .filter((s) => s.contribution !== 0)
        .map((s) => ({
          name: s.name,
          score: Math.round(100 * (1 - Math.exp(-Math.max(0, s.contribution)))),
          evidence: s.evidence,
        })),
      status: `${r.risk.now.level} risk · ${migrated ? 'migrated to the pool' : 'on the curve'}`,
      holders: r.events.wallets,
    }
  }
  return {
    async launches() {
      const c = await load()
      const tokens = c.events.filter((e) => e.kind === 'launch').map((e) => e.token)
      return tokens.map((t) => launchOf(c, t)).sort((a, b) => b.createdAt - a.createdAt)
    },
    async token(address) {
      const c = await load()
      const token = c.events.find(
        (e) => e.kind === 'launch' && e.token.toLowerCase() === address.toLowerCase(),
      )
      if (token?.kind !== 'launch') return undefined
      const r = reportOf(c, token.token)
      const launchAt = r.launch?.timestamp ?? 0
      const groups = Object.keys(r.supply.at(-1)?.shares ?? {}).map((name) => ({
        name,
        points: r.supply.map((p) => ({
          at: (launchAt + p.secondsAfterLaunch) * 1000,
          share: p.shares[name as 'dev'] ?? 0,
        })),
      }))
      const balances = getTokenState(buildWalletGraph({ events: c.events }), token.token).balances
      const share = (w: string) => Number(balances.get(w) ?? 0n) / Number(token.totalSupply)
      const cluster = (id: string, role: string, wallets: string[]) => ({
        id,
        role,
        wallets: [...new Set(wallets)].map((address) => ({ address, share: share(address) })),
      })
      const clusters: TokenDetail['clusters'] = []
      const devSide = [...(r.roles.dev ?? []), ...r.insiders.map((i) => i.wallet)]
      if (devSide.length > 0) clusters.push(cluster('dev', 'dev and insiders', devSide))
      for (const c2 of r.cabals)
        clusters.push({
          ...cluster(c2.entity, 'cabal', c2.members),
          ...(c2.funders[0] ? { funder: c2.funders[0] } : {}),
        })
      if (r.bundlers.length > 0) clusters.push(cluster('bundlers', 'bundlers', r.bundlers))
      if (r.snipers.length > 0)
        clusters.push(
          cluster(
            'snipers',
            'snipers',
            r.snipers.map((s) => s.wallet),
          ),
        )
      for (const w of r.wash) clusters.push(cluster(w.entity, 'wash traders', w.wallets))
      const organic = [...(r.roles.organic ?? []), ...(r.roles.follower ?? [])]
        .sort((a, b) => share(b) - share(a))
        .slice(0, 40)
      if (organic.length > 0) clusters.push(cluster('organic', 'organic traders', organic))
      return { ...launchOf(c, token.token), groups, clusters: clusters.filter((c2) => c2.wallets.length > 0) }
    },
    async alerts(filter) {
      return alerts()
        .filter((a) => !filter?.token || a.token.toLowerCase() === filter.token.toLowerCase())
        .map((a) => ({
          at: a.emittedAt,
          token: a.token,
          kind: a.kind,
          severity: a.severity === 'critical' ? 'high' : 'medium',
          message: a.message,
        }))
        .reverse()
    },
    ...(watch ? { watch } : {}),
  }
}
