import * as E from 'fp-ts/Either'
import { badRequest, type Status } from '../../memory/status'
import { classifyStatus } from '../../memory/errors'
import type { ClusterApi } from '../clusterApi'

/** A ClusterApi that lets only `acceptCreates` creates through; later ones fail with a 429. */
export const limitCreates = (api: ClusterApi, acceptCreates: number): ClusterApi & { readonly attempts: () => number } => {
  let attempts = 0
  const tooMany: Status = { ...badRequest('too many requests'), code: 429, reason: 'TooManyRequests' }
  return {
    ...api,
    create: (request) => {
      attempts++
      return attempts > acceptCreates ? Promise.resolve(E.left(classifyStatus(tooMany))) : api.create(request)
    },
    attempts: () => attempts,
  }
}
