/** The role forensics assigns each wallet of a token (one per wallet, the most telling one). */
export type WalletRole =
  | 'dev'
  | 'bundler'
  | 'insider'
  | 'wash'
  | 'lead'
  | 'cabal'
  | 'sniper'
  | 'follower'
  | 'organic'

/** A wallet of the dev's side, and how it is tied to the dev. */
export type InsiderFinding = {
  wallet: string
  /** Funding hops from the dev (undefined when tied by a token transfer or shared entity only). */
  hops: number | undefined
  via: 'funding' | 'transfer' | 'entity'
}

/** A wallet whose buys others follow, and who followed it. */
export type LeadFinding = {
  lead: string
  entity: string
  /** Wallets that bought within a few blocks after it. */
  followers: string[]
  /** Of those, the ones that also sold right after it sold. */
  confirmed: string[]
}

/** A coordinated group: one funding source, entries together, trading as one. */
export type CabalFinding = {
  entity: string
  members: string[]
  lead: string | undefined
  /** Wallets of the entity that only moved coin (the hub and relays). */
  funders: string[]
  /** First and last entry block of the members. */
  entryBlocks: [number, number]
  enteredTogether: number
}

/** A group (or a wallet) whose volume nets to zero: buys, passes the tokens around, sells them back. */
export type WashFinding = {
  entity: string
  wallets: string[]
  buys: number
  sells: number
  internalTransfers: number
  /** Tokens bought and the net position left (base units). */
  bought: bigint
  net: bigint
  /** Native coin traded by the group (buys plus sells). */
  volume: bigint
}

/** Everything the detectors found about one token, as of the latest event in the graph. */
export type TokenAnalysis = {
  token: string
  asOf: number
  launch: { creator: string; block: number; timestamp: number; totalSupply: bigint } | undefined
  dev: string | undefined
  /** Wallet → inferred entity id, for every wallet the graph knows. */
  entities: Map<string, string>
  /** Wallet → role, for the wallets that traded or held the token. */
  roles: Map<string, WalletRole>
  insiders: InsiderFinding[]
  bundlers: string[]
  snipers: { wallet: string; secondsAfterLaunch: number }[]
  leads: LeadFinding[]
  cabals: CabalFinding[]
  wash: WashFinding[]
  /** Wallets first funded shortly before their first buy, with no earlier history. */
  fresh: string[]
}
