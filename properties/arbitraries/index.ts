export {
  nodeLabelVocabulary,
  integerBounds,
  nodeNames,
  vanishedNodeNames,
  taintKeys,
  taintEffects,
  taintValues,
  daemonSetNames,
  images,
  epoch,
} from './vocabulary'
export { arbNodeName, arbNodeLabels, arbTaint, arbTaints, arbNodeConditions, arbNode, arbNodes } from './node'
export {
  arbTemplateLabels,
  arbSelectorFor,
  arbNodeSelector,
  arbNodeSelectorRequirement,
  arbNodeFieldRequirement,
  arbNodeSelectorTerm,
  arbRequiredNodeAffinity,
  arbToleration,
  arbDaemonPodSpec,
  arbUpdateStrategy,
  arbDaemonSetStatus,
  arbDaemonSet,
  type StrategyKind,
  type DaemonSetConstraints,
} from './daemonSet'
export { arbRevisionHistory, arbTemplateEdits, revisionHashesOf, withTemplateImage, templateImageOf, editTemplateImage } from './revision'
export {
  arbPodShape,
  podFromShape,
  arbDaemonPod,
  arbDaemonPods,
  type PodHolder,
  type PodPlacement,
  type PodShape,
  type DaemonPodsConstraints,
} from './pod'
export { arbInstant, arbDaemonSetSnapshot, arbRolloutSnapshot, type DaemonSetSnapshot, type SnapshotConstraints } from './snapshot'
export { arbJunk, arbMutated, arbValidManifest, arbJunkBody, arbInvalidDaemonSet, arbHostileManifest } from './hostile'
export { jobNames, arbJobShape, jobManifestOf, jobFromShape, arbJob, type JobShape, type JobConstraints } from './job'
export { arbJobStep, arbAdvanceSeconds, arbJobRound, arbJobHistory, type JobHistory, type JobHistoryConstraints } from './jobHistory'
export {
  cronJobEpoch,
  cronJobFromShape,
  controllerSchedules,
  arbCronJobShape,
  arbCronJobStep,
  arbCronJobScenario,
  arbConcurrencyScenario,
  type CronJobShape,
  type CronJobStep,
  type CronJobScenario,
  type ConcurrencyStep,
  type ConcurrencyScenario,
} from './cronJob'
export { cronTimeZones, arbCronField, arbCronExpression, arbCronInstant, type CronFieldSpec, type CronExpressionSpec } from './cronJobSchedule'
