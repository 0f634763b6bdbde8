import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { jobManifest, type JobShape } from '../manifests'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

export class CreateJob implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly shape: JobShape,
  ) {}
  check(m: Readonly<Model>): boolean {
    return !m.jobs.has(this.name)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.create({ resource: Resources.jobs, namespace, body: jobManifest(this.name, this.shape) }))
    m.jobs.add(this.name)
    await afterCommand(r)
  }
  toString(): string {
    const { parallelism, completions, runSeconds } = this.shape
    return `createJob(${this.name}, parallelism ${parallelism}, completions ${completions}, pods run ${runSeconds}s)`
  }
}
