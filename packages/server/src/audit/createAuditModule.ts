import { createAuditApp } from '@sextant/audit/http/createAuditApp'
import { createLogClient } from '@sextant/audit/http/createLogClient'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { createCheckpointVerifier } from '@sextant/audit/verify/createCheckpointVerifier'
import { createLogMonitor } from '@sextant/audit/verify/createLogMonitor'
import { hexToBytes } from 'viem'
import type { ModuleContext, ServerModule } from '../modules/ServerModule.ts'
import type { AnchorRef } from './AnchorRef.ts'
import type { AuditModuleState } from './AuditModuleState.ts'
import { auditPaths } from './auditPaths.ts'
import { auditRoutes } from './auditRoutes.ts'
import { readAnchors } from './readAnchors.ts'

/** Parameters of {@link createAuditModule}. */
export type CreateAuditModuleParameters = {
  log: AuditLog
  /** Bearer tokens for the tiles API's `POST /audit/add`; without any it is read-only. */
  tokens?: readonly string[]
  /** Where checkpoints are anchored: shown on the dashboard and checked by the monitor. */
  anchor?: AnchorRef
  chainId?: number
  /** How often new entries and checkpoints are looked for (ms, default 50). */
  watchMs?: number
  /** How often the monitor verifies the served log and the anchors (ms, default 2,000; 0 = no monitor). */
  monitorMs?: number
}

/**
 * The audit domain of the API: the log's tlog-tiles app at `/audit/`, JSON routes at `/api/audit/…`, live
 * updates (`entries`, `checkpoint` on topic `audit`) and a log monitor that verifies, as an outsider would,
 * the checkpoints served at `/audit/` against each other and against the on-chain anchors.
 *
 * @example
 * const audit = createAuditModule({ log, tokens: [token], anchor: { publicClient, address, logId } })
 * const server = createServerApp({ modules: [audit], tokens: [token] })
 */
export function createAuditModule({
  log,
  tokens = [],
  anchor,
  chainId,
  watchMs = 50,
  monitorMs = 2000,
}: CreateAuditModuleParameters): ServerModule {
  const state: AuditModuleState = {
    log,
    anchor,
    chainId,
    findings: [],
    monitor: { polls: 0, verifiedSize: 0, lastPollAt: undefined },
  }
  const timers: NodeJS.Timeout[] = []
  let closed = false

  const watch = ({ hub }: ModuleContext) => {
    let size = -1
    let checkpointSize = -1
    let busy = false
    timers.push(
      setInterval(async () => {
        if (busy || closed) return
        busy = true
        try {
          const now = await log.storage.size()
          if (now !== size) hub.publish('audit', 'entries', { size: now })
          size = now
          const checkpoint = await log.storage.latestCheckpoint()
          if (checkpoint && checkpoint.size !== checkpointSize) {
            hub.publish('audit', 'checkpoint', { size: checkpoint.size })
            checkpointSize = checkpoint.size
          }
        } catch {
          // storage closed during shutdown; the next tick stops
        } finally {
          busy = false
        }
      }, watchMs),
    )
  }

  const monitor = ({ hub, url }: ModuleContext & { url: string }) => {
    const logMonitor = createLogMonitor({
      log: createLogClient({ url: new URL('audit/', url) }),
      verifyCheckpoint: createCheckpointVerifier({ verifierKeys: [log.verifierKey] }),
      ...(anchor
        ? {
            anchors: async () =>
              (await readAnchors(anchor)).map((a) => ({
                size: a.size,
                rootHash: hexToBytes(a.rootHash as `0x${string}`),
              })),
          }
        : {}),
    })
    let busy = false
    timers.push(
      setInterval(async () => {
        if (busy || closed) return
        busy = true
        try {
          for (const event of await logMonitor.poll()) {
            if (event.type === 'checkpoint') continue
            const finding = {
              at: Date.now(),
              type: event.type,
              kind: event.type === 'alert' ? event.kind : 'read-error',
              source: event.source,
              message: event.message,
            }
            state.findings.push(finding)
            if (state.findings.length > 200) state.findings.shift()
            hub.publish('audit', event.type === 'alert' ? 'alert' : 'monitor-error', finding)
          }
          state.monitor = {
            polls: state.monitor.polls + 1,
            verifiedSize: logMonitor.head?.size ?? 0,
            lastPollAt: Date.now(),
          }
        } finally {
          busy = false
        }
      }, monitorMs),
    )
  }

  return {
    name: 'audit',
    title: 'Audit log',
    routes: (app, context) => auditRoutes(app, context, state),
    paths: auditPaths,
    raw: { audit: createAuditApp({ log, tokens }) },
    start(context) {
      watch(context)
      if (monitorMs > 0) monitor(context)
    },
    close() {
      closed = true
      for (const timer of timers) clearInterval(timer)
    },
  }
}
