import { labelSelector, objectMeta, objectReference, typeMeta } from './metaSchemas'
import { podTemplateSpec } from './podSchemas'
import { atomicList, bool, doc, int32, int64, intOrString, keyedList, opaque, str, struct, time } from './schema'

const apps = 'io.k8s.api.apps.v1'
const batch = 'io.k8s.api.batch.v1'

const condition = (name: string) =>
  struct(name, { lastTransitionTime: time, message: str(), reason: str(), status: str('True, False or Unknown.'), type: str() }, { required: ['type', 'status'] })

const rollingUpdateDaemonSet = struct(
  `${apps}.RollingUpdateDaemonSet`,
  {
    maxSurge: doc(intOrString, 'How many nodes may run an extra, updated pod while the old one is still available.'),
    maxUnavailable: doc(intOrString, 'How many daemon pods may be unavailable during the update.'),
  },
  { description: 'How fast a rolling update replaces daemon pods.' },
)

const daemonSetUpdateStrategy = struct(
  `${apps}.DaemonSetUpdateStrategy`,
  {
    rollingUpdate: doc(rollingUpdateDaemonSet, 'Settings of a RollingUpdate; only with type RollingUpdate.'),
    type: str('RollingUpdate (the default) replaces pods as the template changes; OnDelete waits for pods to be deleted.', ['OnDelete', 'RollingUpdate']),
  },
  { description: 'How pods of an old template are replaced by pods of the new one.' },
)

const daemonSetSpec = struct(
  `${apps}.DaemonSetSpec`,
  {
    minReadySeconds: int32('Seconds a new pod must be ready before it counts as available.'),
    revisionHistoryLimit: int32('Old ControllerRevisions kept for rollback (10 by default).'),
    selector: doc(labelSelector, 'Which pods belong to the DaemonSet; must match the template labels.'),
    template: doc(podTemplateSpec, 'The pod each eligible node runs.'),
    updateStrategy: doc(daemonSetUpdateStrategy, 'How pods move to a new template.'),
  },
  { description: 'What a DaemonSet runs and how it rolls out changes.', required: ['selector', 'template'] },
)

const daemonSetStatus = struct(
  `${apps}.DaemonSetStatus`,
  {
    collisionCount: int32(),
    conditions: keyedList(condition(`${apps}.DaemonSetCondition`), ['type']),
    currentNumberScheduled: int32('Nodes running a daemon pod that should.'),
    desiredNumberScheduled: int32('Nodes that should run a daemon pod.'),
    numberAvailable: int32(),
    numberMisscheduled: int32('Nodes running a daemon pod that should not.'),
    numberReady: int32(),
    numberUnavailable: int32(),
    observedGeneration: int64('The generation the controller last acted on.'),
    updatedNumberScheduled: int32(),
  },
  { description: 'What the DaemonSet controller last observed.', required: ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'] },
)

export const daemonSet = struct(
  `${apps}.DaemonSet`,
  { ...typeMeta, spec: doc(daemonSetSpec, 'The desired behaviour.'), status: doc(daemonSetStatus, 'The observed state; read-only.') },
  { description: 'Runs one copy of a pod on every eligible node.' },
)

export const controllerRevision = struct(
  `${apps}.ControllerRevision`,
  {
    ...typeMeta,
    data: opaque('io.k8s.apimachinery.pkg.runtime.RawExtension', 'The recorded state, as a patch.'),
    revision: int64('The revision number.'),
  },
  { description: 'An immutable snapshot of a controller\'s template, kept for rollback.', required: ['revision'] },
)

const jobSpec = struct(
  `${batch}.JobSpec`,
  {
    activeDeadlineSeconds: int64('Seconds the Job may run before it is failed.'),
    backoffLimit: int32('Retries before the Job is failed (6 by default).'),
    backoffLimitPerIndex: int32(),
    completionMode: str('NonIndexed or Indexed.'),
    completions: int32('Successful pods needed to finish.'),
    managedBy: str(),
    manualSelector: bool(),
    maxFailedIndexes: int32(),
    parallelism: int32('Pods run at the same time at most.'),
    podFailurePolicy: opaque(`${batch}.PodFailurePolicy`),
    podReplacementPolicy: str(),
    selector: doc(labelSelector, 'Which pods belong to the Job; generated unless manualSelector.'),
    successPolicy: opaque(`${batch}.SuccessPolicy`),
    suspend: bool('While true, no pods are started.'),
    template: doc(podTemplateSpec, 'The pods the Job runs.'),
    ttlSecondsAfterFinished: int32(),
  },
  { description: 'What a Job runs and when it is done.', required: ['template'] },
)

const jobStatus = struct(
  `${batch}.JobStatus`,
  {
    active: int32(),
    completedIndexes: str(),
    completionTime: time,
    conditions: atomicList(
      struct(`${batch}.JobCondition`, { lastProbeTime: time, lastTransitionTime: time, message: str(), reason: str(), status: str(), type: str() }, { required: ['type', 'status'] }),
    ),
    failed: int32(),
    failedIndexes: str(),
    ready: int32(),
    startTime: time,
    succeeded: int32(),
    terminating: int32(),
    uncountedTerminatedPods: opaque(`${batch}.UncountedTerminatedPods`),
  },
  { description: 'What the Job controller last observed.' },
)

export const job = struct(
  `${batch}.Job`,
  { ...typeMeta, spec: doc(jobSpec, 'The desired behaviour.'), status: doc(jobStatus, 'The observed state; read-only.') },
  { description: 'Runs pods until a number of them succeed.' },
)

const jobTemplateSpec = struct(`${batch}.JobTemplateSpec`, { metadata: objectMeta, spec: jobSpec }, { description: 'The Jobs a CronJob creates.' })

const cronJobSpec = struct(
  `${batch}.CronJobSpec`,
  {
    concurrencyPolicy: str('Allow, Forbid or Replace.'),
    failedJobsHistoryLimit: int32(),
    jobTemplate: doc(jobTemplateSpec, 'The Job created at each scheduled time.'),
    schedule: str('A cron schedule, such as "*/1 * * * *".'),
    startingDeadlineSeconds: int64(),
    successfulJobsHistoryLimit: int32(),
    suspend: bool(),
    timeZone: str(),
  },
  { description: 'When and what a CronJob runs.', required: ['schedule', 'jobTemplate'] },
)

const cronJobStatus = struct(`${batch}.CronJobStatus`, {
  active: atomicList(objectReference, 'Jobs running now.'),
  lastScheduleTime: time,
  lastSuccessfulTime: time,
})

export const cronJob = struct(
  `${batch}.CronJob`,
  { ...typeMeta, spec: doc(cronJobSpec, 'The desired behaviour.'), status: doc(cronJobStatus, 'The observed state; read-only.') },
  { description: 'Creates Jobs on a repeating schedule.' },
)
