import { invalid as fieldInvalid, required } from '../../core/api'
import { classifyError, classifyStatus, kubectlMessage } from './errors'
import { alreadyExists, badRequest, conflict, expired, internalError, invalid, notFound } from './status'

const jobs = { group: 'batch', resource: 'jobs' }

describe('classifyStatus', () => {
  it.each([
    [notFound(jobs, 'pi'), 'NotFound'],
    [conflict(jobs, 'pi'), 'Conflict'],
    [alreadyExists(jobs, 'pi'), 'Conflict'],
    [expired('too old resource version: 1 (2)'), 'Retryable'],
    [internalError('etcd'), 'Retryable'],
    [invalid({ group: 'batch', kind: 'Job' }, 'pi', [required('spec.template', '')]), 'Terminal'],
    [badRequest('nope'), 'Terminal'],
  ])('%o is %s', (status, tag) => {
    expect(classifyStatus(status)._tag).toBe(tag)
  })

  it('treats anything that is not a Status as retryable', () => {
    expect(classifyError(new Error('ECONNRESET'))).toMatchObject({ _tag: 'Retryable', status: { code: 500, message: 'Internal error occurred: ECONNRESET' } })
    expect(classifyError(notFound(jobs, 'pi'))._tag).toBe('NotFound')
  })
})

describe('kubectlMessage', () => {
  it('prints Status errors as kubectl does', () => {
    expect(kubectlMessage(alreadyExists(jobs, 'pi'))).toBe('Error from server (AlreadyExists): jobs.batch "pi" already exists')
    const two = invalid({ group: 'apps', kind: 'DaemonSet' }, 'ds', [required('spec.selector'), fieldInvalid('spec.minReadySeconds', -1, 'must be greater than or equal to 0')])
    expect(two.message).toBe(
      'DaemonSet.apps "ds" is invalid: [spec.selector: Required value, spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0]',
    )
    expect(kubectlMessage(two)).toBe(
      'The DaemonSet "ds" is invalid: \n* spec.selector: Required value\n* spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    )
    expect(two.details?.causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.minReadySeconds' },
    ])
  })
})
