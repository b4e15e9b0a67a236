/**
 * The colour class of a 0-100 rug-risk score.
 *
 * @example
 * riskClass(82) // 'high'
 */
export function riskClass(risk: number): 'high' | 'medium' | 'low' {
  return risk >= 70 ? 'high' : risk >= 40 ? 'medium' : 'low'
}
