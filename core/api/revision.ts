import * as t from 'io-ts'
import { ObjectMeta } from './meta'

/** apps/v1 `ControllerRevision`: an immutable snapshot (`data`) with a mutable `revision` number. */
export const ControllerRevision = t.intersection([
  t.type({ metadata: ObjectMeta, revision: t.number }),
  t.partial({ apiVersion: t.string, kind: t.string, data: t.unknown }),
])
export type ControllerRevision = t.TypeOf<typeof ControllerRevision>

export const ControllerRevisionKind = { apiVersion: 'apps/v1', kind: 'ControllerRevision' } as const
