const KEY = 'sextant.token'

/**
 * The API token for writes: taken once from `?token=` in the URL that `sextant up` prints (then removed from
 * the address bar), kept in localStorage.
 *
 * @example
 * const headers = token() ? { authorization: `Bearer ${token()}` } : {}
 */
export function token(): string | undefined {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    localStorage.setItem(KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.toString())
  }
  return localStorage.getItem(KEY) ?? undefined
}
