import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { cronJobManifest } from '../manifests'
import { afterCommand, expectOk } from '../step'
import { namespace, type ConcurrencyPolicy, type Model, type Real } from '../world'

/** An every-minute CronJob whose Jobs' pods run `runSeconds` (past a minute, runs would overlap). */
export class CreateCronJob implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly policy: ConcurrencyPolicy,
    readonly runSeconds: number,
  ) {}
  check(m: Readonly<Model>): boolean {
    return !m.cronJobs.has(this.name)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.create({ resource: Resources.cronJobs, namespace, body: cronJobManifest(this.name, this.policy, this.runSeconds) }))
    m.cronJobs.set(this.name, this.policy)
    await afterCommand(r)
  }
  toString(): string {
    return `createCronJob(${this.name}, ${this.policy}, pods run ${this.runSeconds}s)`
  }
}
