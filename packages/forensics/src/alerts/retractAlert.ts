import type { Alert, AlertRetraction } from './Alert.ts'

/** Parameters of {@link retractAlert}. */
export type RetractAlertParameters = {
  /** The reorg that voided the alert. */
  chain: string
  fromBlock: number
  /** When the retraction is sent (default now, ms since epoch). */
  retractedAt?: number
}

/**
 * The retraction message of an alert a reorg made void (see {@link AlertRetraction}).
 *
 * @example
 * const { retracted } = monitor.rollback('eip155:1', 21_000_000)
 * await dispatchAlerts({ sinks, messages: retracted.map((a) => retractAlert(a, { chain: 'eip155:1', fromBlock: 21_000_000 })) })
 */
export function retractAlert(
  alert: Alert,
  { chain, fromBlock, retractedAt = Date.now() }: RetractAlertParameters,
): AlertRetraction {
  return {
    type: 'retraction',
    alertId: alert.id,
    kind: alert.kind,
    token: alert.token,
    block: alert.block,
    tx: alert.tx,
    reorg: { chain, fromBlock },
    message: `void: block ${alert.block} was orphaned by a reorg of ${chain} from block ${fromBlock}`,
    retractedAt,
  }
}
