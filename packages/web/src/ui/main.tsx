import './crypto/installBuffer.ts'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { token } from './api/token.ts'

token()
const root = document.getElementById('root')!
// The server-rendered audit page is replaced by the app's own render (which starts from the same data); when
// the address names another page, it goes at once.
if (document.documentElement.dataset.otherPage !== undefined) root.replaceChildren()
root.removeAttribute('data-rendered')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
