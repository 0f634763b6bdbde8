export { type Snapshot, emptySnapshot, snapshotOf } from './snapshot'
export { planSnapshot, allActions, type SnapshotPlan, type ObjectPlan } from './planSnapshot'
