import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openAuditLog } from '@sextant/audit/log/openAuditLog'
import { generateSignerKey } from '@sextant/audit/note/generateSignerKey'
import { openStorage } from '@sextant/audit/storage/openStorage'
import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { createAgentModule } from '@sextant/server/agent/createAgentModule'
import { createServerApp } from '@sextant/server/app/createServerApp'
import { createAuditModule } from '@sextant/server/audit/createAuditModule'
import { createForensicsModule } from '@sextant/server/forensics/createForensicsModule'
import type { ServerModule } from '@sextant/server/modules/ServerModule'
import { startServer } from '@sextant/server/serve/startServer'
import { createVaultModule } from '@sextant/server/vault/createVaultModule'
import { openApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import { parsePolicy } from '@sextant/vault/policy/parsePolicy'
import { ensureWebBuild } from '@sextant/web/build/ensureWebBuild'
import { loadDashboardRenderer } from '@sextant/web/build/loadDashboardRenderer'
import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { deployPlatform } from './deployPlatform.ts'
import { readUpState, type UpState, writeUpState } from './upState.ts'
import { createDemoVaultSource } from './world/createDemoVaultSource.ts'
import { demoPolicyYaml } from './world/demoPolicyYaml.ts'
import { runTreasurySession } from './world/runTreasurySession.ts'
import { setupDemoVault } from './world/setupDemoVault.ts'
import { startAnchoring } from './world/startAnchoring.ts'
import { startMarketWorld } from './world/startMarketWorld.ts'

/** Parameters of {@link runUp}. */
export type RunUpParameters = {
  /** Where state lives between runs (default `./.sextant`). */
  dataDir?: string
  host?: string
  /** API and dashboard port (0 = a free one). */
  port?: number
  rpcUrl?: string
  privateKey?: Hex
  /** A PostgreSQL URL for the audit log and the forensics event store instead of the embedded SQLite files. */
  postgres?: string
  /** Anchor the log on-chain this often (ms, default 10,000). */
  anchorEveryMs?: number
  /** Run an agent session this often (ms, default 8,000; 0 = only on demand). */
  sessionEveryMs?: number
  /** Play a new memecoin launch this often (ms, default 20,000; 0 = only on demand). */
  marketEveryMs?: number
  progress?: (line: string) => void
}

/**
 * `sextant up`: starts (or resumes) the whole platform on 127.0.0.1 — the chain, every contract, the audit log,
 * the API server with the dashboard — and a live demo world: a treasury agent paying through its vault (some
 * payments wait for a human on the dashboard, injected ones are refused), every step in the audit log, the log
 * anchored on-chain periodically and monitored. Returns a handle; `close` stops everything and saves state.
 *
 * @example
 * const up = await runUp({ dataDir: '.sextant', progress: console.log })
 * console.log(up.dashboardUrl)
 * await up.close()
 */
export async function runUp(parameters: RunUpParameters = {}) {
  const say = parameters.progress ?? (() => {})
  const dataDir = resolve(parameters.dataDir ?? '.sextant')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const stored = readUpState(dataDir)
  const origin = stored?.origin ?? `sextant.local/audit-${randomBytes(4).toString('hex')}`
  let state: UpState = stored ?? {
    version: 1,
    origin,
    signerKey: generateSignerKey({ name: origin }).signerKey,
    token: randomBytes(24).toString('base64url'),
    sessions: 0,
  }
  say(stored ? `resuming from ${dataDir}` : `first run: state goes to ${dataDir}`)
  say(parameters.rpcUrl ? `connecting to ${parameters.rpcUrl}` : 'starting the local chain (anvil)')
  const chain = await connectChain({
    ...(parameters.rpcUrl ? { rpcUrl: parameters.rpcUrl } : { statePath: join(dataDir, 'chain.json') }),
    ...(parameters.privateKey ? { privateKey: parameters.privateKey } : {}),
  })
  const cleanup: (() => Promise<void>)[] = [() => chain.close()]
  const closeAll = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {})
    cleanup.length = 0
  }
  try {
    const platform = await deployPlatform(chain, { state, say })
    state = { ...state, chainId: chain.chain.id, contracts: platform.contracts, logId: platform.logId }
    writeUpState(dataDir, state)

    const db = parameters.postgres ?? join(dataDir, 'audit.db')
    say(`opening the audit log ${origin} (${parameters.postgres ? 'PostgreSQL' : 'SQLite'})`)
    const log = await openAuditLog({
      storage: await openStorage({ url: db, origin }),
      signerKey: state.signerKey,
    })
    cleanup.push(() => log.close())

    const supplier = privateKeyToAccount(devPrivateKeys(3)[2]!).address
    const policy = parsePolicy(demoPolicyYaml({ supplier }))
    const vault = await setupDemoVault(chain, { stored: state.vault, policy, say })
    state = { ...state, vault }
    writeUpState(dataDir, state)
    const store = openApprovalStore({ path: join(dataDir, 'approvals.db') })
    cleanup.push(async () => store.close())
    const guard = createDemoVaultSource({
      chain,
      vault,
      policy,
      store,
      log,
      attemptsPath: join(dataDir, 'attempts.json'),
    })

    say(
      `starting the memecoin market simulator on its own chain, with ingestion (${parameters.postgres ? 'PostgreSQL' : 'SQLite'}) and alerts`,
    )
    const market = await startMarketWorld({
      dataDir,
      ...(parameters.postgres ? { eventStore: parameters.postgres } : {}),
      rounds: state.marketRounds ?? 0,
      onRound: (rounds) => {
        state = { ...state, marketRounds: rounds }
        writeUpState(dataDir, state)
      },
    })
    cleanup.push(() => market.stop())

    say('building the dashboard (if its sources changed)')
    const { dist } = await ensureWebBuild()
    const renderIndex = await loadDashboardRenderer()
    const anchor = platform.contracts.checkpointAnchor!
    const modules: ServerModule[] = [
      createAuditModule({
        log,
        tokens: [state.token],
        anchor: { publicClient: chain.publicClient, address: anchor, logId: platform.logId },
        chainId: chain.chain.id,
      }),
      createAgentModule({ log }),
      createVaultModule({ source: guard }),
      createForensicsModule({ source: market.source }),
    ]
    const app = createServerApp({ modules, tokens: [state.token], webRoot: dist, renderIndex })
    const server = await startServer({
      server: app,
      modules,
      host: parameters.host ?? '127.0.0.1',
      port: parameters.port ?? 7447,
    })
    cleanup.push(() => server.close())
    // Render the first page once now, so that a browser's first load does not pay for a cold renderer.
    await app.app.request('/')
    say(`API and dashboard listening on ${server.url}`)

    const anchoring = startAnchoring({
      chain,
      log,
      anchor,
      logId: platform.logId,
      everyMs: parameters.anchorEveryMs ?? 10_000,
      onAnchored: (a) => app.hub.publish('audit', 'anchored', { size: a.size, tx: a.hash }),
      onError: (error) => app.hub.publish('audit', 'anchor-error', { message: (error as Error).message }),
    })
    cleanup.push(() => anchoring.stop())

    const attacker = '0x000000000000000000000000000000000000dEaD' as const
    let sessionRunning: Promise<unknown> | undefined
    const runSession = async () => {
      await sessionRunning
      state = { ...state, sessions: state.sessions + 1 }
      writeUpState(dataDir, state)
      sessionRunning = runTreasurySession({ log, vault: guard, n: state.sessions, supplier, attacker })
      return (await sessionRunning) as Awaited<ReturnType<typeof runTreasurySession>>
    }
    const every = parameters.sessionEveryMs ?? 8000
    if (every > 0) {
      const timer = setInterval(
        () =>
          void runSession().catch((e) =>
            app.hub.publish('agent', 'error', { message: (e as Error).message }),
          ),
        every,
      )
      cleanup.push(async () => {
        clearInterval(timer)
        await sessionRunning?.catch(() => {})
      })
    }

    const marketEvery = parameters.marketEveryMs ?? 20_000
    if (marketEvery > 0) {
      const play = () =>
        market
          .nextLaunch()
          .catch((e) => app.hub.publish('forensics', 'error', { message: (e as Error).message }))
      void play()
      const timer = setInterval(play, marketEvery)
      cleanup.push(async () => clearInterval(timer))
    }

    return {
      url: server.url,
      dashboardUrl: `${server.url}?token=${state.token}#/audit`,
      token: state.token,
      dataDir,
      resumed: stored !== undefined,
      chain: { rpcUrl: chain.rpcUrl, chainId: chain.chain.id, embedded: chain.embedded },
      contracts: platform.contracts,
      log: { origin, verifierKey: log.verifierKey, db: parameters.postgres ? 'postgres' : db },
      modules: modules.map((m) => m.name),
      hub: app.hub,
      runSession,
      nextLaunch: () => market.nextLaunch(),
      anchorNow: () => anchoring.anchorNow(),
      logSize: () => log.storage.size(),
      close: closeAll,
    }
  } catch (error) {
    await closeAll()
    throw error
  }
}

/** What {@link runUp} resolves with. */
export type UpHandle = Awaited<ReturnType<typeof runUp>>
