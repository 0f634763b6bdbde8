export { type Snapshot, emptySnapshot, snapshotOf } from './snapshot'
export { planSnapshot, allActions, type SnapshotPlan, type ObjectPlan } from './planSnapshot'
export { applyPlan, applyPlanWithOutcomes, mergePatch, sequentialNames, type ApplyOptions, type ActionOutcome, type AppliedPlan, type ClusterState, type NameGenerator } from './applyPlan'
