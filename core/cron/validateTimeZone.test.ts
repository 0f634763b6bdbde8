import * as E from 'fp-ts/Either'
import { loadLocation } from './loadLocation'
import { isValidTimeZone, validateTimeZone } from './validateTimeZone'

describe('validateTimeZone (kubernetes batch validation)', () => {
  it.each([undefined, 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Etc/GMT+5', 'America/Argentina/Buenos_Aires', 'US/Eastern', 'Etc/UTC'])(
    'accepts %s',
    (tz) => {
      expect(validateTimeZone(tz)).toEqual([])
      expect(isValidTimeZone(tz)).toBe(true)
    },
  )

  it.each([
    ['', ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string']],
    ['Local', ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
    ['local', [
      'spec.timeZone: Invalid value: "local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      'spec.timeZone: Invalid value: "local": unknown time zone local',
    ]],
    ['Europe/Pariss', ['spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss']],
    ['america/new_york', ['spec.timeZone: Invalid value: "america/new_york": unknown time zone america/new_york']],
    ['utc', ['spec.timeZone: Invalid value: "utc": unknown time zone utc']],
    ['+05:00', ['spec.timeZone: Invalid value: "+05:00": unknown time zone +05:00']],
    ['America/Argentina/Buenos_Aires_Long', ['spec.timeZone: Invalid value: "America/Argentina/Buenos_Aires_Long": unknown time zone America/Argentina/Buenos_Aires_Long']],
    ['../etc/passwd', ['spec.timeZone: Invalid value: "../etc/passwd": unknown time zone ../etc/passwd']],
    ['-America/New_York', ['spec.timeZone: Invalid value: "-America/New_York": unknown time zone -America/New_York']],
    ['/America/New_York', ['spec.timeZone: Invalid value: "/America/New_York": unknown time zone /America/New_York']],
    ['Europe/A..b', ['spec.timeZone: Invalid value: "Europe/A..b": time: invalid location name']],
  ] as const)('rejects %j', (tz, errors) => {
    expect(validateTimeZone(tz)).toEqual(errors)
    expect(isValidTimeZone(tz)).toBe(false)
  })
})

describe('loadLocation (Go time.LoadLocation)', () => {
  it('maps the empty name to UTC and keeps Local', () => {
    expect(loadLocation('')).toEqual(E.right('UTC'))
    expect(loadLocation('UTC')).toEqual(E.right('UTC'))
    expect(loadLocation('Local')).toEqual(E.right('Local'))
    expect(loadLocation('Asia/Kolkata')).toEqual(E.right('Asia/Kolkata'))
  })

  it('uses Go error texts', () => {
    expect(loadLocation('Mars/Olympus_Mons')).toEqual(E.left('unknown time zone Mars/Olympus_Mons'))
    expect(loadLocation('a/../b')).toEqual(E.left('time: invalid location name'))
    expect(loadLocation('Europe/BERLIN')).toEqual(E.left('unknown time zone Europe/BERLIN'))
  })
})
