import { lazy, Suspense, useEffect, useState } from 'react'
import { watchLiveStatus } from './api/live.ts'
import type { Health } from './api/types.ts'
import { useApi } from './api/useApi.ts'
import { AuditPage } from './audit/AuditPage.tsx'
import { useRoute } from './layout/useRoute.ts'

// The audit page ships in the first bundle; the others load when opened.
const AgentPage = lazy(() => import('./agent/AgentPage.tsx').then((m) => ({ default: m.AgentPage })))
const VaultPage = lazy(() => import('./vault/VaultPage.tsx').then((m) => ({ default: m.VaultPage })))
const ForensicsPage = lazy(() =>
  import('./forensics/ForensicsPage.tsx').then((m) => ({ default: m.ForensicsPage })),
)
const TokenPage = lazy(() => import('./forensics/TokenPage.tsx').then((m) => ({ default: m.TokenPage })))

const PAGES = [
  { name: 'audit', title: 'Audit' },
  { name: 'vault', title: 'Vault' },
  { name: 'agent', title: 'Agent' },
  { name: 'forensics', title: 'Forensics' },
]

/**
 * The dashboard shell: navigation, live-connection indicator, and the page of the current hash route. A page
 * whose module the server does not run says so instead of failing.
 *
 * @example
 * createRoot(root).render(<App />)
 */
export function App() {
  const [page = 'audit', ...rest] = useRoute()
  const { data: health } = useApi<Health>('/api/health')
  const [live, setLive] = useState('connecting')
  useEffect(() => watchLiveStatus(setLive), [])
  const running = new Set(health?.modules.map((m) => m.name) ?? [])
  const body = () => {
    if (health && !running.has(page)) {
      return (
        <p className="muted" data-testid="module-absent">
          This node does not run the {page} module (its package is not installed or not started).
        </p>
      )
    }
    if (page === 'audit') return <AuditPage />
    if (page === 'vault') return <VaultPage />
    if (page === 'agent') return <AgentPage session={rest[0]} />
    if (page === 'forensics' && rest[0] === 'token' && rest[1]) return <TokenPage address={rest[1]} />
    if (page === 'forensics') return <ForensicsPage />
    return <p>no such page</p>
  }
  return (
    <>
      <header>
        <a className="brand" href="#/audit">
          Sextant
        </a>
        <nav>
          {PAGES.map((p) => (
            <a
              key={p.name}
              href={`#/${p.name}`}
              className={[p.name === page ? 'active' : '', running.has(p.name) ? '' : 'off'].join(' ')}
              data-testid={`nav-${p.name}`}
            >
              {p.title}
            </a>
          ))}
        </nav>
        <span className={`live ${live}`} data-testid="live-status" title="live updates over WebSocket">
          ● {live === 'open' ? 'live' : live}
        </span>
      </header>
      <main data-page={page}>
        <Suspense fallback={<p className="muted">loading…</p>}>{body()}</Suspense>
      </main>
    </>
  )
}
