/** Series colours of the dashboard's charts. */
export const palette = [
  '#4f8cff',
  '#ff6b6b',
  '#ffb347',
  '#38c172',
  '#b46bff',
  '#2ec4b6',
  '#f06292',
  '#9ea7b3',
]
