/**
 * An agent configuration file (JSON or YAML): the model, tools, vault policy, chain, budgets. Amounts are in
 * whole units (`"0.5"` ETH); secrets are named by environment variable, never written in the file.
 *
 * @example
 * const config: AgentConfig = { model: { url: 'http://127.0.0.1:8080/v1', name: 'deepseek-r1' }, tools: ['vault', 'chain'], vault: { allowlist: [], perTransaction: { ETH: '0.5' } } }
 */
export type AgentConfig = {
  agent?: { id?: string; name?: string }
  model:
    | { url: string; name?: string; apiKeyEnv?: string; stream?: boolean }
    | { gguf: string; gpu?: false | 'auto' | 'cuda' | 'vulkan'; threads?: number; contextSize?: number }
    | { script: string }
  system?: string
  /** Tool groups (`vault`, `chain`, `web`, `audit`) or single tool names. */
  tools: string[]
  /** Tool descriptions from the operator, by tool name. */
  descriptions?: { [name: string]: string }
  vault?: {
    address?: string
    allowlist: string[]
    perTransaction: { [asset: string]: string }
    daily?: { [asset: string]: string }
    onUntrusted?: 'needs-approval' | 'deny'
    tokens?: string[]
    /**
     * The vault's policy file (the one `sextant vault create --policy` set; relative to the config file): the
     * Uniswap V2 pairs under its `swaps:` become the agent's swap pairs, its `tokens:` the tokens it shows and swaps.
     */
    policy?: string
    /** Swaps through the Safe-module vault: more pairs (beside the policy's) and the price tolerance (default 50). */
    swaps?: { pairs?: string[]; slippageBps?: number }
  }
  chain?: { rpcUrl?: string; privateKeyEnv?: string }
  budgets?: { maxSteps?: number; maxTokens?: number; maxMs?: number }
  request?: { temperature?: number; topP?: number; maxTokens?: number; seed?: number }
}
