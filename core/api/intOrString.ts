import * as t from 'io-ts'
import * as E from 'fp-ts/Either'

/** Kubernetes' `intstr.IntOrString`: an integer or a string such as `"25%"`. */
export const IntOrString = t.union([t.number, t.string])
export type IntOrString = t.TypeOf<typeof IntOrString>

const percentPattern = /^[0-9]+%$/

export const isPercent = (value: IntOrString): value is string => typeof value === 'string' && percentPattern.test(value)

/**
 * Scales an int-or-percent against a total, rounding as asked. Mirrors
 * `intstr.GetScaledValueFromIntOrPercent`: a bare numeric string is an error, as upstream.
 */
export const scaledValue = (value: IntOrString, total: number, roundUp: boolean): E.Either<string, number> => {
  if (typeof value === 'number') return E.right(value)
  if (!value.endsWith('%')) return E.left(`invalid type: string is not a percentage`)
  const n = Number.parseInt(value.slice(0, -1), 10)
  if (!/^-?[0-9]+$/.test(value.slice(0, -1)) || !Number.isFinite(n)) {
    return E.left(`invalid value for IntOrString: invalid value ${JSON.stringify(value)}`)
  }
  const exact = (n * total) / 100
  return E.right(roundUp ? Math.ceil(exact) : Math.floor(exact))
}

/** The number a validation rule looks at: the integer, or the number before `%`. */
export const rawNumber = (value: IntOrString): number =>
  typeof value === 'number' ? value : Number.parseInt(value.replace(/%$/, ''), 10)
