import type { SupplySharePoint } from '../detect/supplyShares.ts'
import type { CabalFinding, InsiderFinding, LeadFinding, WalletRole } from '../detect/TokenAnalysis.ts'
import type { RugRisk } from '../score/RugRisk.ts'

/** A token's forensics report: plain JSON (amounts as decimal strings), printed as text or `--json`. */
export type ForensicsReport = {
  token: string
  chain: string | undefined
  name: string | undefined
  symbol: string | undefined
  launch: { creator: string; block: number; timestamp: number } | undefined
  asOf: number
  events: { trades: number; transfers: number; wallets: number }
  /** Wallets per role. */
  roles: Partial<Record<WalletRole, string[]>>
  insiders: InsiderFinding[]
  bundlers: string[]
  snipers: { wallet: string; secondsAfterLaunch: number }[]
  leads: LeadFinding[]
  cabals: CabalFinding[]
  wash: {
    entity: string
    wallets: string[]
    buys: number
    sells: number
    internalTransfers: number
    volume: string
    net: string
  }[]
  fresh: string[]
  /** Entities with more than one wallet. */
  entities: { id: string; wallets: string[] }[]
  supply: SupplySharePoint[]
  /** Rug risk now, and as it read 60 s and 5 min after the launch (when those moments have passed). */
  risk: { now: RugRisk; at60s: RugRisk | undefined; at5min: RugRisk | undefined }
}
