import { type ChildProcess, spawn } from 'node:child_process'
import { ChainError } from '../errors/ChainError.ts'
import { anvilBinary } from './anvilBinary.ts'
import { findFreePort } from './findFreePort.ts'

/** Parameters of {@link startAnvil}. */
export type StartAnvilParameters = {
  /** Loopback port; a free one is picked when omitted. */
  port?: number
  /** Chain id (default 31337). */
  chainId?: number
  /** Seconds between blocks; omitted = a block per transaction (automine). */
  blockTime?: number
  /** File the chain state is loaded from at start (if it exists) and dumped to on exit, for resuming. */
  statePath?: string
  /** Milliseconds to wait for the RPC to answer (default 20 s). */
  timeoutMs?: number
}

/** Return type of {@link startAnvil}: the RPC URL and a `stop` that ends the node (and dumps state). */
export type StartAnvilReturnType = { rpcUrl: string; port: number; stop(): Promise<void> }

/**
 * Starts a real anvil EVM node on 127.0.0.1 from the npm-shipped binary and waits until it answers JSON-RPC.
 *
 * @example
 * const anvil = await startAnvil()
 * // … use anvil.rpcUrl …
 * await anvil.stop()
 */
export async function startAnvil(parameters: StartAnvilParameters = {}): Promise<StartAnvilReturnType> {
  const port = parameters.port ?? (await findFreePort())
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--chain-id',
    String(parameters.chainId ?? 31337),
  ]
  if (parameters.blockTime !== undefined) args.push('--block-time', String(parameters.blockTime))
  if (parameters.statePath) args.push('--state', parameters.statePath)
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  const rpcUrl = `http://127.0.0.1:${port}`
  try {
    await waitForRpc(rpcUrl, child, parameters.timeoutMs ?? 20_000)
  } catch (cause) {
    child.kill('SIGKILL')
    throw new ChainError('anvil did not start', { details: stderr.trim() || rpcUrl, cause })
  }
  return { rpcUrl, port, stop: () => stopChild(child) }
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new ChainError('anvil exited', { details: `code ${child.exitCode}` })
    try {
      const res = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new ChainError('timed out waiting for anvil', { details: rpcUrl })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGINT')
  })
}
