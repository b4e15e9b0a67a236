import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { AnchorRef } from './AnchorRef.ts'

/** A monitor finding kept for the dashboard (alerts and read errors; verified checkpoints are counted). */
export type MonitorFinding = {
  at: number
  type: 'alert' | 'error'
  kind: string
  source: string
  message: string
}

/** What the audit module's routes read: the log, where it is anchored, the monitor's findings. */
export type AuditModuleState = {
  log: AuditLog
  anchor: AnchorRef | undefined
  chainId: number | undefined
  findings: MonitorFinding[]
  monitor: { polls: number; verifiedSize: number; lastPollAt: number | undefined }
}
