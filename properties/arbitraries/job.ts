import * as E from 'fp-ts/Either'
import * as fc from 'fast-check'
import { decodeManifest, formatManifestError, type Job } from '../../core/api'

/** The knobs of a generated Job; everything else is the seed's pi template. */
export interface JobShape {
  readonly name: string
  readonly parallelism: number
  /** Unset: a work-queue Job (parallelism set, completions not). */
  readonly completions?: number
  readonly completionMode: 'NonIndexed' | 'Indexed'
  readonly backoffLimit: number
  readonly restartPolicy: 'Never' | 'OnFailure'
  readonly activeDeadlineSeconds?: number
  readonly ttlSecondsAfterFinished?: number
  readonly suspend: boolean
  readonly podReplacementPolicy?: 'Failed' | 'TerminatingOrFailed'
}

export interface JobConstraints {
  /** Generate Indexed Jobs too (default true); Indexed always has completions. */
  readonly indexed?: boolean
  /** Generate work-queue Jobs too (default true). */
  readonly workQueue?: boolean
  readonly maxParallelism?: number
  readonly maxCompletions?: number
  readonly maxBackoffLimit?: number
}

/** Job names of the seed: the pi Job and the two work-queue Jobs. */
export const jobNames: ReadonlyArray<string> = ['pi', 'job-wq-1', 'job-wq-2']

/** Unset three times in four: most generated Jobs have no deadline, TTL or explicit replacement policy. */
const optional = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb })

/** A Job's knobs, valid by construction (Indexed Jobs get completions). */
export const arbJobShape = (c: JobConstraints = {}): fc.Arbitrary<JobShape> => {
  const completions = fc.integer({ min: 0, max: c.maxCompletions ?? 6 })
  return fc
    .record({
      name: fc.constantFrom(...jobNames),
      parallelism: fc.integer({ min: 0, max: c.maxParallelism ?? 3 }),
      // One Job in four is a work-queue Job.
      completions: c.workQueue === false ? completions : fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: completions }),
      indexed: c.indexed === false ? fc.constant(false) : fc.boolean(),
      backoffLimit: fc.integer({ min: 0, max: c.maxBackoffLimit ?? 4 }),
      restartPolicy: fc.constantFrom('Never' as const, 'OnFailure' as const),
      activeDeadlineSeconds: optional(fc.integer({ min: 0, max: 900 })),
      ttlSecondsAfterFinished: optional(fc.integer({ min: 0, max: 120 })),
      // One Job in five starts suspended.
      suspend: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      podReplacementPolicy: optional(fc.constantFrom('Failed' as const, 'TerminatingOrFailed' as const)),
    })
    .map(({ indexed, completions, activeDeadlineSeconds, ttlSecondsAfterFinished, podReplacementPolicy, ...rest }) => ({
      ...rest,
      completionMode: indexed && completions !== undefined ? ('Indexed' as const) : ('NonIndexed' as const),
      ...(completions !== undefined ? { completions } : {}),
      ...(activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds } : {}),
      ...(ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished } : {}),
      ...(podReplacementPolicy !== undefined ? { podReplacementPolicy } : {}),
    }))
}

/** The manifest a user would write for a shape: the seed's pi container, no selector (generated on decode). */
export const jobManifestOf = (shape: JobShape): Readonly<Record<string, unknown>> => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: shape.name, namespace: 'default' },
  spec: {
    parallelism: shape.parallelism,
    ...(shape.completions !== undefined ? { completions: shape.completions } : {}),
    completionMode: shape.completionMode,
    backoffLimit: shape.backoffLimit,
    ...(shape.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: shape.activeDeadlineSeconds } : {}),
    ...(shape.ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished: shape.ttlSecondsAfterFinished } : {}),
    suspend: shape.suspend,
    ...(shape.podReplacementPolicy !== undefined ? { podReplacementPolicy: shape.podReplacementPolicy } : {}),
    template: {
      spec: {
        containers: [{ name: 'pi', image: 'resouer/ubuntu-bc', command: ['sh', '-c', "echo 'scale=100; 4*a(1)' | bc -l"] }],
        restartPolicy: shape.restartPolicy,
      },
    },
  },
})

/** The Job as the API server stores it (defaults, uid, generated selector). Throws only if a shape is invalid, a bug here. */
export const jobFromShape = (shape: JobShape): Job => {
  const decoded = decodeManifest(jobManifestOf(shape))
  if (E.isLeft(decoded)) throw new Error(`generated Job is invalid:\n${formatManifestError(decoded.left).join('\n')}`)
  if (decoded.right._tag !== 'Job') throw new Error('generated manifest is not a Job')
  return decoded.right.object
}

/** A valid, defaulted batch/v1 Job with no status. */
export const arbJob = (c: JobConstraints = {}): fc.Arbitrary<Job> => arbJobShape(c).map(jobFromShape)
