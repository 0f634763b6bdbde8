import type { Controller } from '../controller'
import { daemonSetController } from './daemonSetController'
import { cronJobController } from './cronJobController'
import { jobController } from './jobController'

export { daemonSetController } from './daemonSetController'
export { jobController, jobBatchPeriodMs, type JobMemory } from './jobController'
export { cronJobController } from './cronJobController'

/** The controllers kube-controller-manager runs for these workloads; add a registration here to add one. */
export const builtinControllers: ReadonlyArray<Controller> = [daemonSetController, jobController, cronJobController]
