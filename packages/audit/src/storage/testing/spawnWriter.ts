import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { WriterConfig } from './WriterConfig.ts'

/** Parameters of {@link spawnWriter}. */
export type SpawnWriterParameters = {
  /** SIGKILL the writer this many ms after it printed `ready` (or after spawning, with `fromSpawn`). */
  killAfterMs?: number
  fromSpawn?: boolean
}

/** What {@link spawnWriter} resolves to once the process is gone. */
export type SpawnWriterReturnType = {
  /** Acknowledged appends, in the order printed. */
  acks: { index: number; seq: number }[]
  /** The `done` line's figures, if the writer finished: appends, wall time and CPU time of the run. */
  done: { acked: number; ms: number; cpuMs: number } | undefined
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

const script = fileURLToPath(new URL('./writerProcess.ts', import.meta.url))
const root = fileURLToPath(new URL('../../../../../', import.meta.url))

/**
 * Runs a test writer process (`node --import tsx writerProcess.ts`), optionally SIGKILLing it, and collects
 * the acknowledgements it printed. Only complete lines count: a line cut by the kill was never acknowledged.
 *
 * @example
 * const { acks, signal } = await spawnWriter(config, { killAfterMs: 120 })
 */
export function spawnWriter(
  config: WriterConfig,
  { killAfterMs, fromSpawn = false }: SpawnWriterParameters = {},
): Promise<SpawnWriterReturnType> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const result: SpawnWriterReturnType = { acks: [], done: undefined, code: null, signal: null, stderr: '' }
    let timer: NodeJS.Timeout | undefined
    const killLater = () => {
      if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    }
    if (fromSpawn) killLater()
    let pending = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        const [kind, a, b, c] = line.split(' ')
        if (kind === 'ack') result.acks.push({ index: Number(a), seq: Number(b) })
        else if (kind === 'done') result.done = { acked: Number(a), ms: Number(b), cpuMs: Number(c) }
        else if (kind === 'ready' && !fromSpawn) killLater()
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      result.stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ ...result, code, signal })
    })
  })
}
