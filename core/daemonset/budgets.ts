import * as E from 'fp-ts/Either'
import { scaledValue, type DaemonSet } from '../api'

/** The rolling-update budgets for one sync. */
export interface UpdateBudgets {
  readonly maxSurge: number
  readonly maxUnavailable: number
}

const rollingUpdateOf = (ds: DaemonSet) =>
  ds.spec.updateStrategy?.type === 'RollingUpdate' ? (ds.spec.updateStrategy.rollingUpdate ?? undefined) : undefined

/** Mirrors `util.SurgeCount`: maxSurge scaled against `total`, rounding up; 0 outside RollingUpdate. */
export const surgeCount = (ds: DaemonSet, total: number): E.Either<string, number> => {
  const value = rollingUpdateOf(ds)?.maxSurge
  return value == null ? E.right(0) : scaledValue(value, total, true)
}

/** Mirrors `util.UnavailableCount`: maxUnavailable scaled against `total`, rounding up. */
export const unavailableCount = (ds: DaemonSet, total: number): E.Either<string, number> => {
  const ru = rollingUpdateOf(ds)
  if (ru === undefined) return E.right(0)
  if (ru.maxUnavailable == null) return E.left('nil value for IntOrString')
  return scaledValue(ru.maxUnavailable, total, true)
}

/** Mirrors `util.AllowsSurge`: true for any positive integer or any percent of at least 1%. */
export const allowsSurge = (ds: DaemonSet): boolean => {
  const surge = surgeCount(ds, 1)
  return E.isRight(surge) && surge.right > 0
}

/**
 * Mirrors the budget part of `updatedDesiredNodeCounts`: both scaled against the desired count,
 * and an impossible 0/0 configuration falls back to maxUnavailable = 1.
 */
export const updateBudgets = (ds: DaemonSet, desired: number): E.Either<string, UpdateBudgets> => {
  const unavailable = unavailableCount(ds, desired)
  if (E.isLeft(unavailable)) return E.left(`invalid value for MaxUnavailable: ${unavailable.left}`)
  const surge = surgeCount(ds, desired)
  if (E.isLeft(surge)) return E.left(`invalid value for MaxSurge: ${surge.left}`)
  const fallback = desired > 0 && unavailable.right === 0 && surge.right === 0
  return E.right({ maxSurge: surge.right, maxUnavailable: fallback ? 1 : unavailable.right })
}
