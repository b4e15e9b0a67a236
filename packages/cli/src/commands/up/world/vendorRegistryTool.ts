import type { Tool } from '@sextant/agent/tools/Tool'
import type { Address } from 'viem'

/**
 * `vendor_registry_lookup`: the demo company's vendor registry, a trusted source (`output: 'tool'`), so an
 * address the agent pays from it carries `tool` provenance. Unknown vendors answer `found: false`.
 *
 * @example
 * const tools = [vendorRegistryTool({ 'Acme Supplies': supplier })]
 */
export function vendorRegistryTool(vendors: { [name: string]: Address }): Tool {
  return {
    name: 'vendor_registry_lookup',
    description: "Look a vendor up in the company's vendor registry: its payment address.",
    parameters: { type: 'object', properties: { vendor: { type: 'string' } }, required: ['vendor'] },
    output: 'tool',
    handler: async ({ vendor }: { vendor: string }) => {
      const address = vendors[vendor]
      return { content: address ? { vendor, found: true, address } : { vendor, found: false } }
    },
  }
}
