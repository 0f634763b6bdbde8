import type * as fc from 'fast-check'
import { Resources, type GroupVersionResource } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

export type Workload = 'DaemonSet' | 'Job' | 'CronJob'

const resources: Readonly<Record<Workload, GroupVersionResource>> = { DaemonSet: Resources.daemonSets, Job: Resources.jobs, CronJob: Resources.cronJobs }

/** The model's names of one kind of workload. */
const namesOf = (m: Readonly<Model>, kind: Workload): { has(name: string): boolean; delete(name: string): boolean } =>
  kind === 'DaemonSet' ? m.daemonSets : kind === 'Job' ? m.jobs : m.cronJobs

/**
 * Deletes a workload as kubectl does, with Background propagation, so that the garbage collector
 * removes what it owns (a DaemonSet's pods; a CronJob's Jobs, then their pods). Without it the
 * batch/v1 registry would orphan a Job's pods.
 */
export class DeleteWorkload implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly kind: Workload,
    readonly name: string,
  ) {}
  check(m: Readonly<Model>): boolean {
    return namesOf(m, this.kind).has(this.name)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.delete({ resource: resources[this.kind], namespace, name: this.name, propagationPolicy: 'Background' }))
    namesOf(m, this.kind).delete(this.name)
    await afterCommand(r)
  }
  toString(): string {
    return `delete${this.kind}(${this.name})`
  }
}
