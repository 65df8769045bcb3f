// Date-time cases copied as data from two public test suites, each with the
// label its suite gives and the label SPEC gives ("valid"). Where the two
// differ, `relabel` says which SPEC rule decides — that is the comment for the
// relabel. SPEC's rule in short: the documented pattern only; UTC `Z` upper
// case only, no offsets, no local times, seconds optional, any number of
// fraction digits, no leap second, no 24:00, Gregorian calendar dates.
//
// Sources (copied verbatim, strings only):
//   JSON-Schema-Test-Suite, tests/draft2020-12/optional/format/date-time.json
//     (json-schema-org/JSON-Schema-Test-Suite@0f981ee78d2829a4717770ec72c3569bc7702eff)
//   Zod v4, packages/zod/src/v4/classic/tests/datetime.test.ts and iso.test.ts
//     (colinhacks/zod@0cd208c87766dc786e7f8dac045fa80d8ffc574d and @66fd0ce1e638d9b7d85465c7d0151a06f8ad23cf);
//     `options` is the Zod schema the case was written for.

const NOT_A_STRING = "SPEC: a Timestamp is a string that matches the pattern; isTimestamp(v: unknown) answers false for anything else (JSON Schema formats ignore non-strings)";
const OFFSET = "SPEC: UTC only (`Z`, upper case) … no offsets";
const LEAP_SECOND = "SPEC: no leap second (seconds are [0-5]\\d)";
const LOWER_CASE = "SPEC: no space or lower-case `t` and `Z` upper case";
const LOCAL = "SPEC: UTC only — the pattern requires the final `Z`, so a local time (no designator) fails";
const SECONDS_OPTIONAL = "SPEC: seconds optional, any number of fraction digits (Zod's precision option is stricter)";

export const JSON_SCHEMA_TEST_SUITE = [
  { data: 12, suiteValid: true, valid: false, relabel: NOT_A_STRING },
  { data: 13.7, suiteValid: true, valid: false, relabel: NOT_A_STRING },
  { data: {}, suiteValid: true, valid: false, relabel: NOT_A_STRING },
  { data: [], suiteValid: true, valid: false, relabel: NOT_A_STRING },
  { data: false, suiteValid: true, valid: false, relabel: NOT_A_STRING },
  { data: null, suiteValid: true, valid: false, relabel: NOT_A_STRING },
  { data: "1963-06-19T08:30:06.283185Z", suiteValid: true, valid: true },
  { data: "1963-06-19T08:30:06Z", suiteValid: true, valid: true },
  { data: "1937-01-01T12:00:27.87+00:20", suiteValid: true, valid: false, relabel: OFFSET },
  { data: "1990-12-31T15:59:50.123-08:00", suiteValid: true, valid: false, relabel: OFFSET },
  { data: "1998-12-31T23:59:60Z", suiteValid: true, valid: false, relabel: LEAP_SECOND },
  { data: "1998-12-31T15:59:60.123-08:00", suiteValid: true, valid: false, relabel: `${LEAP_SECOND}; ${OFFSET}` },
  { data: "1998-12-31T23:59:61Z", suiteValid: false, valid: false },
  { data: "1998-12-31T23:58:60Z", suiteValid: false, valid: false },
  { data: "1998-12-31T22:59:60Z", suiteValid: false, valid: false },
  { data: "1990-02-31T15:59:59.123-08:00", suiteValid: false, valid: false },
  { data: "1990-12-31T15:59:59-24:00", suiteValid: false, valid: false },
  { data: "1963-06-19T08:30:06.28123+01:00Z", suiteValid: false, valid: false },
  { data: "1990-12-31T24:00:00Z", suiteValid: false, valid: false },
  { data: "1990-12-31T15:60:00Z", suiteValid: false, valid: false },
  { data: "1990-12-31T10:00:00+10:60", suiteValid: false, valid: false },
  { data: "06/19/1963 08:30:06 PST", suiteValid: false, valid: false },
  { data: "1963-06-19t08:30:06.283185z", suiteValid: true, valid: false, relabel: LOWER_CASE },
  { data: "2013-350T01:01:01", suiteValid: false, valid: false },
  { data: "1963-6-19T08:30:06.283185Z", suiteValid: false, valid: false },
  { data: "1963-06-1T08:30:06.283185Z", suiteValid: false, valid: false },
  { data: "1963-06-1\u09EAT00:00:00Z", suiteValid: false, valid: false }, // Bengali 4 in the date
  { data: "1963-06-11T0\u09EA:00:00Z", suiteValid: false, valid: false }, // Bengali 4 in the time
  { data: "+11963-06-19T08:30:06.283185Z", suiteValid: false, valid: false },
  { data: "1985-04-12T00:59:59.999999999999999Z", suiteValid: true, valid: true },
];

const z = (options, data, zodValid, valid, relabel) => ({ options, data, zodValid, valid, ...(relabel ? { relabel } : {}) });

export const ZOD_DATETIME_TESTS = [
  // datetime.test.ts "basic datetime parsing": z.string().datetime()
  z("{}", "1970-01-01T00:00:00.000Z", true, true),
  z("{}", "2022-10-13T09:52:31.816Z", true, true),
  z("{}", "2022-10-13T09:52:31.8162314Z", true, true),
  z("{}", "1970-01-01T00:00:00Z", true, true),
  z("{}", "2022-10-13T09:52:31Z", true, true),
  z("{}", "", false, false),
  z("{}", "foo", false, false),
  z("{}", "2020-10-14", false, false),
  z("{}", "T18:45:12.123", false, false),
  z("{}", "2020-10-14T17:42:29+00:00", false, false),
  // "datetime parsing with precision -1": { precision: -1, offset: true, local: true }
  z("{precision:-1,offset,local}", "1970-01-01T00:00Z", true, true),
  z("{precision:-1,offset,local}", "2022-10-13T09:52Z", true, true),
  z("{precision:-1,offset,local}", "2022-10-13T09:52+02:00", true, false, OFFSET),
  z("{precision:-1,offset,local}", "2022-10-13T09:52", true, false, LOCAL),
  z("{precision:-1,offset,local}", "tuna", false, false),
  z("{precision:-1,offset,local}", "2022-10-13T09:52+02", false, false),
  z("{precision:-1,offset,local}", "1970-01-01T00:00:00.000Z", false, true, SECONDS_OPTIONAL),
  z("{precision:-1,offset,local}", "1970-01-01T00:00:00.Z", false, false),
  z("{precision:-1,offset,local}", "2022-10-13T09:52:31.816Z", false, true, SECONDS_OPTIONAL),
  // "datetime parsing with precision 0": { precision: 0 }
  z("{precision:0}", "1970-01-01T00:00:00Z", true, true),
  z("{precision:0}", "2022-10-13T09:52:31Z", true, true),
  z("{precision:0}", "tuna", false, false),
  z("{precision:0}", "1970-01-01T00:00:00.000Z", false, true, SECONDS_OPTIONAL),
  z("{precision:0}", "1970-01-01T00:00:00.Z", false, false),
  z("{precision:0}", "2022-10-13T09:52:31.816Z", false, true, SECONDS_OPTIONAL),
  // "datetime parsing with precision 3": { precision: 3 }
  z("{precision:3}", "1970-01-01T00:00:00.000Z", true, true),
  z("{precision:3}", "2022-10-13T09:52:31.123Z", true, true),
  z("{precision:3}", "tuna", false, false),
  z("{precision:3}", "1970-01-01T00:00:00.1Z", false, true, SECONDS_OPTIONAL),
  z("{precision:3}", "1970-01-01T00:00:00.12Z", false, true, SECONDS_OPTIONAL),
  z("{precision:3}", "2022-10-13T09:52:31Z", false, true, SECONDS_OPTIONAL),
  // "datetime parsing with offset": { offset: true }
  z("{offset}", "1970-01-01T00:00:00.000Z", true, true),
  z("{offset}", "2022-10-13T09:52:31.816234134Z", true, true),
  z("{offset}", "1970-01-01T00:00:00Z", true, true),
  z("{offset}", "2022-10-13T09:52:31.4Z", true, true),
  z("{offset}", "2020-10-14T17:42:29+00:00", true, false, OFFSET),
  z("{offset}", "2020-10-14T17:42:29+03:15", true, false, OFFSET),
  z("{offset}", "2020-10-14T17:42:29+0315", false, false),
  z("{offset}", "2020-10-14T17:42:29+03", false, false),
  z("{offset}", "tuna", false, false),
  z("{offset}", "2022-10-13T09:52:31.Z", false, false),
  z("{offset}", "2020-10-14T17:42:29+24:00", false, false),
  z("{offset}", "2020-10-14T17:42:29+00:60", false, false),
  z("{offset}", "2020-10-14T17:42:29+1:30", false, false),
  z("{offset}", "2020-10-14T17:42:29+00:", false, false),
  // "datetime parsing with offset and precision 0": { offset: true, precision: 0 }
  z("{offset,precision:0}", "1970-01-01T00:00:00Z", true, true),
  z("{offset,precision:0}", "2022-10-13T09:52:31Z", true, true),
  z("{offset,precision:0}", "2020-10-14T17:42:29+00:00", true, false, OFFSET),
  z("{offset,precision:0}", "2020-10-14T17:42:29+0000", false, false),
  z("{offset,precision:0}", "2020-10-14T17:42:29+00", false, false),
  z("{offset,precision:0}", "tuna", false, false),
  z("{offset,precision:0}", "1970-01-01T00:00:00.000Z", false, true, SECONDS_OPTIONAL),
  z("{offset,precision:0}", "1970-01-01T00:00:00.Z", false, false),
  z("{offset,precision:0}", "2022-10-13T09:52:31.816Z", false, true, SECONDS_OPTIONAL),
  z("{offset,precision:0}", "2020-10-14T17:42:29.124+00:00", false, false),
  // "datetime parsing with offset and precision 4": { offset: true, precision: 4 }
  z("{offset,precision:4}", "1970-01-01T00:00:00.1234Z", true, true),
  z("{offset,precision:4}", "2020-10-14T17:42:29.1234+00:00", true, false, OFFSET),
  z("{offset,precision:4}", "2020-10-14T17:42:29.1234+0000", false, false),
  z("{offset,precision:4}", "2020-10-14T17:42:29.1234+00", false, false),
  z("{offset,precision:4}", "tuna", false, false),
  z("{offset,precision:4}", "1970-01-01T00:00:00.123Z", false, true, SECONDS_OPTIONAL),
  z("{offset,precision:4}", "2020-10-14T17:42:29.124+00:00", false, false),
  // "datetime offset normalization": z.iso.datetime({ offset: true })
  z("iso {offset}", "2020-10-14T17:42:29+02", false, false),
  z("iso {offset}", "2020-10-14T17:42:29+0200", false, false),
  z("iso {offset}", "2020-10-14T17:42:29+02:00", true, false, OFFSET),
  // "datetime parsing with local option": { local: true }
  z("{local}", "1970-01-01T00:00", true, false, LOCAL),
  z("{local}", "1970-01-01T00:00:00", true, false, LOCAL),
  z("{local}", "2022-10-13T09:52:31.816", true, false, LOCAL),
  z("{local}", "1970-01-01T00:00:00.000", true, false, LOCAL),
  z("{local}", "1970-01-01T00", false, false),
  z("{local}", "2022-10-13T09:52:31+00:00", false, false),
  z("{local}", "2022-10-13 09:52:31", false, false),
  z("{local}", "2022-10-13T24:52:31", false, false),
  z("{local}", "2022-10-13T24:52", false, false),
  z("{local}", "2022-10-13T24:52Z", false, false),
  // "datetime parsing with local and offset": { local: true, offset: true }
  z("{local,offset}", "2022-10-13T12:52:00", true, false, LOCAL),
  z("{local,offset}", "2022-10-13T12:52:00Z", true, true),
  z("{local,offset}", "2022-10-13T12:52Z", true, true),
  z("{local,offset}", "2022-10-13T12:52", true, false, LOCAL),
  z("{local,offset}", "2022-10-13T12:52+02:00", true, false, OFFSET),
  z("{local,offset}", "2022-10-13T12:52:00+02", false, false),
  // iso.test.ts "z.iso.datetime - default (UTC only, any precision)"
  z("iso {}", "2021-01-01T00:00:00Z", true, true),
  z("iso {}", "2021-01-01T00:00:00.123Z", true, true),
  z("iso {}", "2021-01-01T00:00:00.123456Z", true, true),
  z("iso {}", "1970-01-01T00:00:00Z", true, true),
  z("iso {}", "9999-12-31T23:59:59.999Z", true, true),
  z("iso {}", "2021-01-01T00:00:00", false, false),
  z("iso {}", "2021-01-01T00:00:00+07:00", false, false),
  z("iso {}", "", false, false),
  z("iso {}", "foo", false, false),
  z("iso {}", "2021-01-01", false, false),
  z("iso {}", "2021-13-01T00:00:00Z", false, false),
  z("iso {}", "2021-01-32T00:00:00Z", false, false),
  z("iso {}", "2021-01-01T24:00:00Z", false, false),
  z("iso {}", "2021-01-01T00:60:00Z", false, false),
  z("iso {}", "2021-01-01T00:00:60Z", false, false),
  // iso.test.ts "offset: true"
  z("iso {offset}", "2020-10-14T17:42:29+03:15", true, false, OFFSET),
  z("iso {offset}", "2020-10-14T17:42:29-05:30", true, false, OFFSET),
  z("iso {offset}", "2020-10-14T17:42:29+0700", false, false),
  z("iso {offset}", "2020-10-14T17:42:29+07", false, false),
  z("iso {offset}", "2020-10-14T17:42:29+24:00", false, false),
  z("iso {offset}", "2020-10-14T17:42:29+00:60", false, false),
  // iso.test.ts "local: true" and "local: true, offset: true"
  z("iso {local}", "2021-01-01T00:00:00.123", true, false, LOCAL),
  z("iso {local}", "2021-01-01T24:00:00", false, false),
  z("iso {local}", "2021-01-01T00:60:00", false, false),
  z("iso {local,offset}", "2021-01-01T00:00:00+07:00", true, false, OFFSET),
  z("iso {local,offset}", "2021-01-01T00:00:00+07", false, false),
  // iso.test.ts "precision: 0", "precision: 3", "precision: -1", "precision: 3 + offset: true"
  z("iso {precision:0}", "2021-01-01T00:00:00.1Z", false, true, SECONDS_OPTIONAL),
  z("iso {precision:0}", "2021-01-01T00:00:00.123Z", false, true, SECONDS_OPTIONAL),
  z("iso {precision:3}", "2021-01-01T00:00:00.1234Z", false, true, SECONDS_OPTIONAL),
  z("iso {precision:-1,offset,local}", "2022-10-13T09:52:31Z", false, true, SECONDS_OPTIONAL),
  z("iso {precision:3,offset}", "2021-01-01T00:00:00.123+05:30", true, false, OFFSET),
  z("iso {precision:3,offset}", "2021-01-01T00:00:00.12Z", false, true, SECONDS_OPTIONAL),
  z("iso {error message}", "bad", false, false),
  z("iso {check}", "not-a-date", false, false),
];

// Zod's date tests (datetime.test.ts "date parsing", iso.test.ts "leap years"
// and "month day limits") hold dates, not date-times. Copied as dates and turned
// into timestamps by appending "T00:00Z" (a valid time by SPEC), so the label is
// the date's own: these test the calendar half of the pattern.
export const ZOD_DATES = [
  ["1970-01-01", true], ["2022-01-31", true], ["2022-03-31", true], ["2022-04-30", true],
  ["2022-05-31", true], ["2022-06-30", true], ["2022-07-31", true], ["2022-08-31", true],
  ["2022-09-30", true], ["2022-10-31", true], ["2022-11-30", true], ["2022-12-31", true],
  ["2000-02-29", true], ["2400-02-29", true], ["2024-02-29", true],
  ["2022-02-29", false], ["2023-02-29", false], ["2100-02-29", false], ["2200-02-29", false],
  ["2300-02-29", false], ["2500-02-29", false],
  ["200-01-01", false], ["20000-01-01", false], ["2000-0-01", false], ["2000-011-01", false],
  ["2000-01-0", false], ["2000-01-011", false], ["2000/01/01", false], ["01-01-2022", false],
  ["2000-00-12", false], ["2000-12-00", false], ["2000-01-32", false], ["2000-13-01", false],
  ["2000-21-01", false], ["2000-02-30", false], ["2000-02-31", false], ["2000-04-31", false],
  ["2000-06-31", false], ["2000-09-31", false], ["2000-11-31", false],
  ["2021-04-30", true], ["2021-04-31", false], ["2021-06-31", false], ["2021-09-31", false],
  ["2021-11-31", false], ["2021-01-31", true], ["2021-03-31", true], ["2021-05-31", true],
  ["2021-07-31", true], ["2021-08-31", true], ["2021-10-31", true], ["2021-12-31", true],
  ["21-01-01", false], ["2021/01/01", false], ["01-01-2021", false], ["2021-00-01", false],
  ["2021-13-01", false], ["2021-01-00", false], ["2021-01-32", false],
].map(([date, valid]) => ({ data: `${date}T00:00Z`, date, valid }));
