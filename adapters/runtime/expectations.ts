/** A controller's outstanding creates and deletes for one key, and when they were set. */
export interface ExpectationRecord {
  readonly add: number
  readonly del: number
  readonly setAt: number
}

/** Upstream's `ExpectationsTimeout`: after 5 minutes unobserved writes are given up on. */
export const expectationsTtlMs = 5 * 60 * 1000

/**
 * `ControllerExpectations` (pkg/controller/controller_utils.go). Before issuing N creates and M
 * deletes a controller records them; its watch handlers count them off as they are observed.
 * Until then (or until the record is 5 minutes old) the key is not managed again, so a cache that
 * lags behind the controller's own writes never leads to a second pod. Counters may go negative.
 */
export interface Expectations {
  /** True with no record, with both counters at or below 0, or once the record has expired. */
  satisfied(key: string): boolean
  /** Overwrites the record: `SetExpectations` (and `ExpectCreations`/`ExpectDeletions`). */
  set(key: string, add: number, del: number): void
  creationObserved(key: string): void
  deletionObserved(key: string): void
  /** `LowerExpectations`: writes that were skipped or failed will never be observed. */
  lower(key: string, add: number, del: number): void
  /** Forgets the key (its object was deleted or not found). */
  delete(key: string): void
  get(key: string): ExpectationRecord | undefined
}

/** Expectations on the given clock (the virtual clock in a simulation). */
export const createExpectations = (now: () => number, ttlMs = expectationsTtlMs): Expectations => {
  const records = new Map<string, ExpectationRecord>()
  // Observations only move counters; the timestamp stays that of `set`, as upstream's `Add` keeps it.
  const move = (key: string, add: number, del: number): void => {
    const record = records.get(key)
    if (record !== undefined) records.set(key, { add: record.add + add, del: record.del + del, setAt: record.setAt })
  }
  return {
    satisfied: (key) => {
      const record = records.get(key)
      if (record === undefined) return true
      return (record.add <= 0 && record.del <= 0) || now() - record.setAt > ttlMs
    },
    set: (key, add, del) => {
      records.set(key, { add, del, setAt: now() })
    },
    creationObserved: (key) => move(key, -1, 0),
    deletionObserved: (key) => move(key, 0, -1),
    lower: (key, add, del) => move(key, -add, -del),
    delete: (key) => {
      records.delete(key)
    },
    get: (key) => records.get(key),
  }
}
