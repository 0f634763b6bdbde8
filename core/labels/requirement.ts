import type { StringMap } from '../api/meta'

/** Operators of apimachinery's `labels.Requirement`, the parsed form of every selector syntax. */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'

export interface Requirement {
  readonly key: string
  readonly operator: Operator
  readonly values: ReadonlyArray<string>
}

/**
 * A parsed selector. `Nothing` is what a nil `LabelSelector` becomes and matches no object;
 * `Requirements` with an empty list matches everything (the `{}` selector).
 */
export type Selector =
  | { readonly _tag: 'Nothing' }
  | { readonly _tag: 'Requirements'; readonly requirements: ReadonlyArray<Requirement> }

export const nothing: Selector = { _tag: 'Nothing' }
export const everything: Selector = { _tag: 'Requirements', requirements: [] }

const integer = /^[+-]?[0-9]+$/

/** Mirrors `Requirement.Matches`: an absent label satisfies NotIn and DoesNotExist only. */
export const matchesRequirement = (r: Requirement, labels: StringMap): boolean => {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key)
  const value = has ? labels[r.key] : undefined
  switch (r.operator) {
    case 'In':
      return value !== undefined && r.values.includes(value)
    case 'NotIn':
      return value === undefined || !r.values.includes(value)
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt':
    case 'Lt': {
      const bound = r.values[0]
      if (value === undefined || bound === undefined || !integer.test(value) || !integer.test(bound)) return false
      const [a, b] = [BigInt(value), BigInt(bound)]
      return r.operator === 'Gt' ? a > b : a < b
    }
  }
}

export const matchesSelector = (selector: Selector, labels: StringMap): boolean =>
  selector._tag === 'Requirements' && selector.requirements.every((r) => matchesRequirement(r, labels))

export const isEverything = (selector: Selector): boolean =>
  selector._tag === 'Requirements' && selector.requirements.length === 0
