import { stringify } from 'yaml'
import { formatInstant } from '../../core/api'
import { describeAction } from '../../core/plan'
import { allActions, type SnapshotPlan } from '../../core/snapshot'

export type PlanFormat = 'json' | 'yaml' | 'text'

/** The contract's JSON shape: `{ now, actions }` (contracts §2). */
export const planDocument = (plan: SnapshotPlan) => ({ now: formatInstant(plan.now), actions: allActions(plan) })

const asText = (plan: SnapshotPlan): string => {
  const lines: string[] = []
  const count = allActions(plan).length
  lines.push(`Plan at ${formatInstant(plan.now)}: ${count} action${count === 1 ? '' : 's'}`)
  for (const o of plan.objects) {
    lines.push(`${o.object.kind.toLowerCase()} ${o.object.namespace}/${o.object.name}`)
    for (const a of o.actions) lines.push(`  ${describeAction(a)}`)
    for (const n of o.notes) lines.push(`  # ${n}`)
  }
  return `${lines.join('\n')}\n`
}

/** Renders a plan in one of `-o json|yaml|text`. */
export const printPlan = (plan: SnapshotPlan, format: PlanFormat): string => {
  switch (format) {
    case 'json':
      return `${JSON.stringify(planDocument(plan), null, 2)}\n`
    case 'yaml':
      return stringify(planDocument(plan))
    case 'text':
      return asText(plan)
  }
}
