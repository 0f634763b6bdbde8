import * as fc from 'fast-check'
import { cronJobNames, daemonSetNames, images, jobNames, nodeNames, type Model, type Real } from '../world'
import { AddNode } from './addNode'
import { AdvanceTime } from './advanceTime'
import { ChangeJobImage } from './changeJobImage'
import { CreateCronJob } from './createCronJob'
import { CreateDaemonSet } from './createDaemonSet'
import { CreateJob } from './createJob'
import { DeleteWorkload } from './deleteWorkload'
import { KillPod } from './killPod'
import { RemoveNode } from './removeNode'
import { ScaleJob } from './scaleJob'
import { SuspendCronJob } from './suspendCronJob'
import { TaintNode } from './taintNode'
import { UpdateDaemonSetImage } from './updateDaemonSetImage'

export {
  AddNode,
  AdvanceTime,
  ChangeJobImage,
  CreateCronJob,
  CreateDaemonSet,
  CreateJob,
  DeleteWorkload,
  KillPod,
  RemoveNode,
  ScaleJob,
  SuspendCronJob,
  TaintNode,
  UpdateDaemonSetImage,
}

type Cmd = fc.AsyncCommand<Model, Real>

const node = fc.constantFrom(...nodeNames)
const image = fc.constantFrom(...images)

const jobShape = fc
  .record({ parallelism: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 3 }), runSeconds: fc.constantFrom(3, 20, 90) })
  .map(({ parallelism, extra, runSeconds }) => ({ parallelism, completions: parallelism + extra, runSeconds }))

/**
 * Every command, weighted so that nodes and time (what makes controllers act) come up often.
 * fast-check drops the ones whose `check` the model refuses.
 */
export const commandArbitraries: ReadonlyArray<fc.Arbitrary<Cmd>> = [
  node.map((n): Cmd => new AddNode(n)),
  node.map((n): Cmd => new AddNode(n)),
  node.map((n): Cmd => new RemoveNode(n)),
  fc.tuple(node, fc.constantFrom('NoSchedule' as const, 'NoExecute' as const)).map(([n, e]): Cmd => new TaintNode(n, e)),
  fc
    .tuple(fc.constantFrom(...daemonSetNames), fc.record({ image, tolerant: fc.boolean(), surge: fc.boolean() }))
    .map(([name, shape]): Cmd => new CreateDaemonSet(name, shape)),
  fc.tuple(fc.constantFrom(...daemonSetNames), image).map(([name, img]): Cmd => new UpdateDaemonSetImage(name, img)),
  fc.constantFrom(...daemonSetNames).map((name): Cmd => new DeleteWorkload('DaemonSet', name)),
  fc.tuple(fc.constantFrom(...jobNames), jobShape).map(([name, shape]): Cmd => new CreateJob(name, shape)),
  fc.tuple(fc.constantFrom(...jobNames), fc.integer({ min: 1, max: 4 })).map(([name, parallelism]): Cmd => new ScaleJob(name, parallelism)),
  fc.tuple(fc.constantFrom(...jobNames), image).map(([name, img]): Cmd => new ChangeJobImage(name, img)),
  fc.constantFrom(...jobNames).map((name): Cmd => new DeleteWorkload('Job', name)),
  fc
    .tuple(fc.constantFrom(...cronJobNames), fc.constantFrom('Allow' as const, 'Forbid' as const, 'Replace' as const), fc.constantFrom(10, 90))
    .map(([name, policy, runSeconds]): Cmd => new CreateCronJob(name, policy, runSeconds)),
  fc.tuple(fc.constantFrom(...cronJobNames), fc.boolean()).map(([name, suspend]): Cmd => new SuspendCronJob(name, suspend)),
  fc.constantFrom(...cronJobNames).map((name): Cmd => new DeleteWorkload('CronJob', name)),
  fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 60, max: 300 })).map((s): Cmd => new AdvanceTime(s)),
  fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 60, max: 300 })).map((s): Cmd => new AdvanceTime(s)),
  fc.nat({ max: 20 }).map((k): Cmd => new KillPod(k)),
]
