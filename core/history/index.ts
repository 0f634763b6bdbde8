export { canonicalJson } from './canonicalJson'
export { type RevisionPatch, wireTemplate, revisionPatch, matchesRevision } from './revisionData'
export { type HashTemplate, hashRevision, fnv1a32, safeEncodeString } from './hashRevision'
export { revisionName, snapshotRevision } from './snapshot'
export { type RevisionClaim, claimRevisions } from './claimRevisions'
export { type Dedup, dedupRevisions } from './dedupRevisions'
export {
  type HistoryInput,
  type HistoryResult,
  type Constructed,
  type Collision,
  constructHistory,
} from './constructHistory'
export { type TruncateInput, truncateHistory, revisionHistoryLimit } from './truncateHistory'
export { applyRevision } from './applyRevision'
export { withChangeCause, changeCauseOf } from './changeCause'
export { type RevisionView, daemonSetHistory, rolloutHistory, rolloutHistoryRevision } from './rolloutHistory'
export { type UndoResult, rolloutUndo } from './rolloutUndo'
