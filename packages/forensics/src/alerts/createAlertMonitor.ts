import { topHolderShare } from '../detect/topHolderShare.ts'
import { InvalidEventError } from '../errors/AnalysisError.ts'
import { applyEvent } from '../graph/applyEvent.ts'
import { createWalletGraph } from '../graph/createWalletGraph.ts'
import type { TokenState, WalletGraph } from '../graph/WalletGraph.ts'
import type { LiquidityEvent, MarketEvent, TradeEvent } from '../model/MarketEvent.ts'
import type { Alert, AlertKind } from './Alert.ts'
import { classifySeller } from './classifySeller.ts'

/** Parameters of {@link createAlertMonitor}. */
export type CreateAlertMonitorParameters = {
  /** Alert when the ten largest holders cross this share of supply (default 0.3); re-armed 5 points below. */
  concentrationThreshold?: number
  /** A second alert when a group has sold this share of what it got (default 0.5). */
  escalationShare?: number
}

/** What {@link AlertMonitor.rollback} undid. */
export type MonitorRollback = {
  /** Events of the rolled-back blocks the monitor had applied. */
  removed: number
  /** Alerts it had raised for events of those blocks (already sent: the caller may announce them void). */
  retracted: Alert[]
}

/** A running alert monitor: push events as they arrive, get the alerts they trigger. */
export type AlertMonitor = {
  /** The wallet graph of the events applied so far (a new object after a rollback). */
  readonly graph: WalletGraph
  /** Applies one event; returns the alerts it triggers (none for a duplicate). */
  push(event: MarketEvent, receivedAt?: number): Alert[]
  /**
   * A chain reorg: forgets every event of `chain` from block `fromBlock` on and rebuilds the graph and the
   * alert state (alerts raised, groups selling, concentration armed) from the events that remain, so the monitor
   * is exactly what a fresh one fed the surviving events would be; alerts of the new fork then fire as they
   * would in a fresh run.
   */
  rollback(chain: string, fromBlock: number): MonitorRollback
}

type GroupState = { sellers: Set<string>; sold: bigint; escalated: boolean }

/**
 * Creates the real-time alert monitor. Each event updates the wallet graph incrementally; a sell is
 * classified (dev, insider, cabal member) and the first sell of each group raises an alert
 * (`dev-selling`, `insiders-selling`, `cabal-distributing`), escalated once
 * the group has sold half of what it got; a liquidity removal raises `liquidity-pulled`; the top-10
 * holder share crossing the threshold raises `holder-concentration`. Alert ids are stable, so replaying
 * or redelivering events never repeats an alert. The monitor keeps the events it applied, so that a reorg
 * (`rollback`) rebuilds its state without a restart.
 *
 * @example
 * const monitor = createAlertMonitor()
 * for await (const event of source) for (const alert of monitor.push(event)) await sink.send(alert)
 */
export function createAlertMonitor(parameters: CreateAlertMonitorParameters = {}): AlertMonitor {
  const threshold = parameters.concentrationThreshold ?? 0.3
  const escalation = parameters.escalationShare ?? 0.5
  if (!(threshold > 0 && threshold <= 1) || !(escalation > 0 && escalation <= 1)) {
    throw new InvalidEventError('invalid alert threshold', {
      details: `concentrationThreshold ${threshold}, escalationShare ${escalation}: both in (0, 1]`,
    })
  }
  let graph = createWalletGraph()
  let emitted = new Map<string, Alert>()
  let groups = new Map<string, GroupState>()
  let concentrated = new Map<string, boolean>()
  let applied: { event: MarketEvent; receivedAt: number }[] = []

  const make = (
    id: string,
    kind: AlertKind,
    event: MarketEvent & { token: string },
    message: string,
    evidence: Alert['evidence'],
    receivedAt: number,
  ): Alert[] => {
    if (emitted.has(id)) return []
    const { chain, block, timestamp, tx, token } = event
    const severity = kind === 'holder-concentration' ? 'warning' : 'critical'
    const alert: Alert = {
      type: 'alert',
      id,
      kind,
      severity,
      token,
      message,
      chain,
      block,
      timestamp,
      tx,
      evidence,
      receivedAt,
      emittedAt: Date.now(),
    }
    emitted.set(id, alert)
    return [alert]
  }

  const onSell = (state: TokenState, trade: TradeEvent, receivedAt: number): Alert[] => {
    const who = classifySeller(graph, state, trade.trader)
    if (who.group === 'other') return []
    const key = `${state.token}:${who.group}${who.group === 'cabal' ? `:${who.funder}` : ''}`
    const g = groups.get(key) ?? { sellers: new Set<string>(), sold: 0n, escalated: false }
    groups.set(key, g)
    g.sellers.add(trade.trader)
    g.sold += trade.tokenAmount
    const wallets =
      who.group === 'dev' ? [trade.trader] : who.group === 'cabal' ? who.members : [...g.sellers]
    let got = 0n
    for (const w of wallets) got += (state.bought.get(w) ?? 0n) + received(state, w)
    const soldShare = got === 0n ? 0 : Number((g.sold * 1000n) / got) / 1000
    const evidence: Alert['evidence'] = {
      seller: trade.trader,
      tokenAmount: trade.tokenAmount.toString(),
      nativeAmount: trade.nativeAmount.toString(),
      groupSoldShare: soldShare,
      sellers: [...g.sellers],
    }
    if (who.group === 'insiders') {
      evidence.via = who.via
      if (who.hops !== undefined) evidence.fundingHops = who.hops
    }
    if (who.group === 'cabal') {
      evidence.funder = who.funder
      evidence.members = who.members
    }
    const out: Alert[] = []
    const kind: AlertKind =
      who.group === 'dev'
        ? 'dev-selling'
        : who.group === 'insiders'
          ? 'insiders-selling'
          : 'cabal-distributing'
    const label =
      who.group === 'dev' ? 'the dev' : who.group === 'insiders' ? 'insiders of the dev' : 'the cabal'
    out.push(
      ...make(
        `${key}:start`,
        kind,
        trade,
        `${label} started selling (${g.sellers.size} wallet(s))`,
        evidence,
        receivedAt,
      ),
    )
    // Insiders are known one seller at a time: escalate once at least two of them are dumping.
    if (!g.escalated && soldShare >= escalation && (who.group !== 'insiders' || g.sellers.size >= 2)) {
      g.escalated = true
      out.push(
        ...make(
          `${key}:half`,
          kind,
          trade,
          `${label} sold ${(soldShare * 100).toFixed(0)}% of their tokens (${g.sellers.size} wallet(s))`,
          evidence,
          receivedAt,
        ),
      )
    }
    return out
  }

  const onLiquidity = (event: LiquidityEvent, receivedAt: number): Alert[] =>
    event.action !== 'remove'
      ? []
      : make(
          `${event.token}:liquidity-pulled:${event.tx}:${event.logIndex}`,
          'liquidity-pulled',
          event,
          `liquidity pulled from ${event.pool} by ${event.provider}`,
          {
            pool: event.pool,
            provider: event.provider,
            nativeAmount: event.nativeAmount.toString(),
            tokenAmount: event.tokenAmount.toString(),
          },
          receivedAt,
        )

  const onHoldings = (
    state: TokenState,
    event: MarketEvent & { token: string },
    receivedAt: number,
  ): Alert[] => {
    const supply = state.launch?.totalSupply ?? 1_000_000_000n * 10n ** 18n
    const share = topHolderShare(
      [...state.balances].filter(([w]) => !state.pools.has(w)).map(([, b]) => b),
      supply,
    )
    const above = concentrated.get(state.token) ?? false
    if (!above && share >= threshold) {
      concentrated.set(state.token, true)
      const id = `${state.token}:holder-concentration:${event.tx}:${event.logIndex}`
      return make(
        id,
        'holder-concentration',
        event,
        `top-10 holders hold ${(share * 100).toFixed(1)}% of supply`,
        { top10Share: share, threshold },
        receivedAt,
      )
    }
    if (above && share < threshold - 0.05) concentrated.set(state.token, false)
    return []
  }

  const push = (event: MarketEvent, receivedAt: number): Alert[] => {
    if (!applyEvent(graph, event)) return []
    applied.push({ event, receivedAt })
    if (event.kind === 'funding' || event.kind === 'launch' || event.kind === 'complete') return []
    const state = graph.tokens.get(event.token)!
    if (event.kind === 'liquidity') return onLiquidity(event, receivedAt)
    const alerts = event.kind === 'trade' && event.side === 'sell' ? onSell(state, event, receivedAt) : []
    return [...alerts, ...onHoldings(state, event, receivedAt)]
  }

  return {
    get graph() {
      return graph
    },
    push: (event, receivedAt = Date.now()) => push(event, receivedAt),
    rollback(chain, fromBlock) {
      const gone = (x: { chain: string; block: number }) => x.chain === chain && x.block >= fromBlock
      const retracted = [...emitted.values()].filter(gone)
      const kept = applied.filter(({ event }) => !gone(event))
      const removed = applied.length - kept.length
      if (removed === 0) return { removed, retracted }
      graph = createWalletGraph()
      emitted = new Map()
      groups = new Map()
      concentrated = new Map()
      applied = []
      for (const { event, receivedAt } of kept) push(event, receivedAt)
      return { removed, retracted }
    },
  }
}

function received(state: TokenState, wallet: string): bigint {
  let sum = 0n
  for (const t of state.transfers) if (t.to === wallet) sum += t.amount
  return sum
}
