import type { TokenAnalysis } from './TokenAnalysis.ts'

/** The holder groups whose supply share forensics tracks. */
export type HolderGroup = 'dev' | 'insiders' | 'bundlers' | 'snipers' | 'cabal' | 'wash' | 'fresh'

/**
 * Wallets of each holder group: the dev, the dev's insiders, bundlers, snipers, the cabals (leads and
 * members), wash rings and fresh wallets (a wallet can be in several groups, e.g. a fresh sniper).
 *
 * @example
 * groupsOf(analysis).insiders // Set { '0xA…', '0xB…' }
 */
export function groupsOf(analysis: TokenAnalysis): Record<HolderGroup, Set<string>> {
  return {
    dev: new Set(analysis.dev ? [analysis.dev] : []),
    insiders: new Set(analysis.insiders.map((i) => i.wallet)),
    bundlers: new Set(analysis.bundlers),
    snipers: new Set(analysis.snipers.map((s) => s.wallet)),
    cabal: new Set(analysis.cabals.flatMap((c) => c.members)),
    wash: new Set(analysis.wash.flatMap((w) => w.wallets)),
    fresh: new Set(analysis.fresh),
  }
}
