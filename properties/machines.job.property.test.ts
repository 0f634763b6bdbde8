import * as fc from 'fast-check'
import { makeInstant } from '../core/api'
import { arbJobHistory } from './arbitraries/jobHistory'
import { machineFollowsConditions, replayJobMachine } from './invariants/jobMachine'
import { jobWorldOf, runJobHistory } from './invariants/jobWorld'
import { expectHolds } from './invariants/verdict'

// Fixed seed: a failure prints the seed and path, so `fc.assert(prop, { seed, path })` replays it.
const seed = Number(process.env.JOB_SEED ?? 20260104)
const numRuns = Number(process.env.JOB_RUNS ?? 200)
const start = makeInstant(Date.parse('2026-01-01T00:00:00Z'))

describe('the Job machine agrees with the reducer', () => {
  it('its state always matches the conditions the reducer writes, over random pod histories', () => {
    fc.assert(
      fc.property(arbJobHistory(), (h) => expectHolds(machineFollowsConditions(runJobHistory(jobWorldOf(h.job, start), h.rounds)))),
      { seed, numRuns },
    )
  })

  it('visits every state of the lifecycle across the generated histories', () => {
    const seen = new Set<string>()
    for (const h of fc.sample(arbJobHistory(), { seed, numRuns })) {
      for (const state of replayJobMachine(runJobHistory(jobWorldOf(h.job, start), h.rounds)).states) seen.add(state)
    }
    expect([...seen].sort()).toEqual(
      ['Active', 'BackingOff', 'Complete', 'Failed', 'FailureTarget', 'Pending', 'SuccessCriteriaMet', 'Suspended', 'TTLExpired'].sort(),
    )
  })
})
