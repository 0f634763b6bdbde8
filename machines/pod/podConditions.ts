import { formatInstant, type PodPhase } from '../../core/api'
import type { PodContext } from './podContext'

/** `v1.PodCondition` as the kubelet writes it (`lastProbeTime` is always null there). */
export type PodConditionView = {
  readonly type: string
  readonly status: 'True' | 'False'
  readonly lastProbeTime: null
  readonly lastTransitionTime: string
  readonly reason?: string
  readonly message?: string
}

type Generated = Omit<PodConditionView, 'lastProbeTime' | 'lastTransitionTime'>

const condition = (type: string, ok: boolean, reason?: string, message?: string): Generated => ({
  type,
  status: ok ? 'True' : 'False',
  ...(reason !== undefined ? { reason } : {}),
  ...(message !== undefined ? { message } : {}),
})

/**
 * `GenerateContainersReadyCondition` (pkg/kubelet/status/generate.go): False with `PodCompleted`
 * or `PodFailed` once the phase is terminal, else False with the unready containers listed, as
 * Go prints a `[]string`.
 */
const containersReady = (type: string, context: PodContext, phase: PodPhase): Generated => {
  if (phase === 'Succeeded') return condition(type, false, 'PodCompleted')
  if (phase === 'Failed') return condition(type, false, 'PodFailed')
  if (context.container._tag === 'Running') return condition(type, true)
  const names = context.containers.map((c) => c.name).join(' ')
  return condition(type, false, 'ContainersNotReady', `containers with unready status: [${names}]`)
}

/**
 * The kubelet-owned conditions in the order `generateAPIPodStatus` appends them. The sandbox
 * (PodReadyToStartContainers) is up from the first container start until the pod is terminal;
 * the pod has no init containers or readiness gates, so Initialized is True from the start.
 */
const generate = (context: PodContext, phase: PodPhase): ReadonlyArray<Generated> => [
  condition('PodReadyToStartContainers', context.runs > 0 && !context.terminal),
  phase === 'Succeeded' ? condition('Initialized', true, 'PodCompleted') : condition('Initialized', true),
  containersReady('Ready', context, phase),
  containersReady('ContainersReady', context, phase),
  condition('PodScheduled', true),
]

/**
 * The pod's conditions at `context.now`. As the status manager's `updateLastTransitionTime`
 * does, a condition keeps the lastTransitionTime of the last written status while its status is
 * unchanged, and takes the current time when it flips (or first appears).
 */
export const podConditionsOf = (context: PodContext, phase: PodPhase): PodConditionView[] =>
  generate(context, phase).map((c) => {
    const before = context.status?.conditions.find((old) => old.type === c.type)
    const since = before !== undefined && before.status === c.status ? before.lastTransitionTime : formatInstant(context.now)
    // Built field by field (same keys, same order) rather than with rest/spread: this runs for
    // every condition of every status write and the object-rest copy showed in profiles.
    const out: { -readonly [K in keyof PodConditionView]: PodConditionView[K] } = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: since }
    if (c.reason !== undefined) out.reason = c.reason
    if (c.message !== undefined) out.message = c.message
    return out
  })
