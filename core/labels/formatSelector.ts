import type { Requirement, Selector } from './requirement'

const formatRequirement = (r: Requirement): string => {
  switch (r.operator) {
    case 'In':
      return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`
    case 'NotIn':
      return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`
    case 'Exists':
      return r.key
    case 'DoesNotExist':
      return `!${r.key}`
    case 'Gt':
      return `${r.key}>${r.values[0] ?? ''}`
    case 'Lt':
      return `${r.key}<${r.values[0] ?? ''}`
  }
}

/** Renders a selector as kubectl prints it (`Selector:` in describe, `-l` syntax); `<none>` for nothing. */
export const formatSelector = (selector: Selector): string =>
  selector._tag === 'Nothing' ? '<none>' : selector.requirements.map(formatRequirement).join(',')
