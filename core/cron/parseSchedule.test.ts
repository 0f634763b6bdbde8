import * as E from 'fp-ts/Either'
import { parseSchedule } from './parseSchedule'

const fieldErrors = (expr: string): ReadonlyArray<string> | undefined => {
  const parsed = parseSchedule(expr)
  return E.isLeft(parsed) ? parsed.left.fieldErrors : undefined
}

describe('parseSchedule (Kubernetes validateScheduleFormat, create path)', () => {
  it.each(['0 * * * *', '*/5 * * * ?', '30 6-16/4 * * 1-5', '0 0 13 * 5', '0 0 1 JAN,jul *', '0 0 ? * MON-FRI', '@hourly', '@every 1h30m', '+5 0 1,,2 * *', '59 23 31 2 *', '? ? ? ? ?'])(
    'accepts %j',
    (expr) => {
      expect(E.isRight(parseSchedule(expr))).toBe(true)
    },
  )

  it('requires a value', () => {
    expect(parseSchedule('')).toEqual(
      E.left({ _tag: 'CronError', reason: 'Required', schedule: '', message: 'Required value', fieldErrors: ['spec.schedule: Required value'] }),
    )
  })

  it('prints robfig errors as kubectl does', () => {
    expect(fieldErrors('0 0 * * 7')).toEqual(['spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7'])
    expect(fieldErrors('0 0 * * * *')).toEqual(['spec.schedule: Invalid value: "0 0 * * * *": expected exactly 5 fields, found 6: [0 0 * * * *]'])
    expect(fieldErrors('61 * * * *')).toEqual(['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61'])
  })

  it('forbids TZ and CRON_TZ in the schedule', () => {
    const tzRule = (expr: string): string => `spec.schedule: Invalid value: ${JSON.stringify(expr)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead`
    expect(fieldErrors('CRON_TZ=UTC * * * * *')).toEqual([tzRule('CRON_TZ=UTC * * * * *')])
    expect(fieldErrors('TZ=Europe/Berlin 0 3 * * *')).toEqual([tzRule('TZ=Europe/Berlin 0 3 * * *')])
    // Upstream reports robfig's error first, then the TZ rule.
    expect(fieldErrors('TZ=Nowhere 0 3 * * *')).toEqual([
      'spec.schedule: Invalid value: "TZ=Nowhere 0 3 * * *": provided bad location Nowhere: unknown time zone Nowhere',
      tzRule('TZ=Nowhere 0 3 * * *'),
    ])
    // Any "TZ" substring counts, even where robfig fails for another reason.
    expect(fieldErrors('0 0 * * TZ')).toEqual([
      'spec.schedule: Invalid value: "0 0 * * TZ": failed to parse int from TZ: strconv.Atoi: parsing "TZ": invalid syntax',
      tzRule('0 0 * * TZ'),
    ])
    // robfig would panic here; only the TZ rule is reported.
    expect(parseSchedule('TZ=UTC')).toEqual(
      E.left({ _tag: 'CronError', reason: 'TimeZoneInSchedule', schedule: 'TZ=UTC', message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead', fieldErrors: [tzRule('TZ=UTC')] }),
    )
  })

  it('quotes the value with Go %q escapes', () => {
    expect(fieldErrors('0 0 * * 7\t')).toEqual(['spec.schedule: Invalid value: "0 0 * * 7\\t": end of range (7) above maximum (6): 7'])
  })
})
