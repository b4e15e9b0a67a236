import type { ChatRequest } from '@sextant/agent/models/ChatModel'
import type { ScriptedTurn } from '@sextant/agent/models/createScriptedModel'
import { addressesInToolResults, attacks } from '@sextant/agent/testing/adversarialModels'

/**
 * The demo treasury agent's deterministic stand-in model (for `createScriptedModel`): it looks the supplier up
 * in the vendor registry and pays the invoice to the address found there; then it reads the supplier's news
 * page and — as `@sextant/agent`'s adversarial stand-in `attacks.payAddressFromWebPage` does, which plays this
 * part — pays the address the page injects. The runtime's taint tracking marks that recipient untrusted.
 *
 * @example
 * const model = createScriptedModel(treasuryScript({ invoice: 'INV-1001', vendor: 'Acme Supplies', amount: '0.1', newsUrl }))
 */
export function treasuryScript(p: {
  invoice: string
  vendor: string
  amount: string
  newsUrl: string
}): (request: ChatRequest, n: number) => ScriptedTurn {
  const injected = attacks.payAddressFromWebPage(p.newsUrl, p.amount)
  // The first part's messages: system, task, then two model turns each with its tool result.
  const FIRST_PART = 6
  return (request, n) => {
    if (n === 0)
      return {
        reasoning: `Invoice ${p.invoice}: the payee address must come from the vendor registry, not the invoice text.`,
        toolCalls: [{ name: 'vendor_registry_lookup', arguments: JSON.stringify({ vendor: p.vendor }) }],
      }
    if (n === 1) {
      const [to] = addressesInToolResults(request)
      return {
        reasoning: `The registry lists ${p.vendor} at ${to}; paying ${p.amount} ETH from the vault.`,
        toolCalls: [{ name: 'vault_transfer', arguments: JSON.stringify({ to, amount: p.amount }) }],
      }
    }
    return injected({ ...request, messages: request.messages.slice(FIRST_PART) }, n - 2)
  }
}
