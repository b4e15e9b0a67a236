import { renderToString } from 'react-dom/server'
import { App } from '../App.tsx'
import { bootData } from '../api/bootData.ts'

// What the first page (the audit page) shows first; the rest of it loads in the browser.
const BOOT_PATHS = ['/api/health', '/api/audit/summary']
// The app's entry script: fetched at once (modulepreload) but run after the rendered page's first frame, so a
// busy CPU paints the content before it parses and runs the app.
const ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>/

/**
 * The server side of the first load: renders the dashboard's default page (the audit page: log size, latest
 * checkpoint, monitor state) into the `index.html` template with the API answers it needs, and embeds those
 * answers so the browser app starts from them. A browser thus paints real content as soon as the HTML and CSS
 * arrive; the app's JavaScript, fetched meanwhile, runs after that first frame and takes over (and hides the rendered page at once when the address names
 * another page). Built by Vite into `dist/ssr` (`ensureWebBuild`), loaded with `loadDashboardRenderer`.
 *
 * @example
 * const html = await renderDashboard(template, (path) => app.request(path).then((r) => r.json()))
 */
export async function renderDashboard(
  template: string,
  load: (path: string) => Promise<unknown>,
): Promise<string> {
  const answers = await Promise.all(BOOT_PATHS.map((path) => load(path).catch(() => undefined)))
  const boot: { [path: string]: unknown } = {}
  BOOT_PATHS.forEach((path, i) => {
    if (answers[i] !== undefined) boot[path] = answers[i]
  })
  bootData.set(boot)
  let html: string
  try {
    html = renderToString(<App />)
  } finally {
    bootData.set(undefined)
  }
  const json = JSON.stringify(boot).replace(/</g, '\\u003c')
  return template
    .replace(ENTRY, (_tag, src: string) => {
      const url = JSON.stringify(src)
      return `<link rel="modulepreload" crossorigin href=${url}><script type="module">requestAnimationFrame(() => setTimeout(() => import(${url})))</script>`
    })
    .replace(
      '<div id="root"></div>',
      `<div id="root" data-rendered="audit">${html}</div><script id="sextant-boot" type="application/json">${json}</script>`,
    )
}
