// Generates strings for the timestamp proof: valid timestamps across all years
// 0000-9999 and month lengths (with the Gregorian leap-year rule), calendar
// near-misses with fields just out of range, and single- or double-character
// edits of valid strings using characters that a sloppy matcher would accept
// (digits of other scripts, t/z, spaces, signs, newlines, NUL, surrogate halves…).
//
// Valid and calendar strings carry `expected`, computed here from the prose of
// SPEC ("real calendar dates with the Gregorian leap-year rule", "seconds
// optional", "no leap second, no 24:00", "UTC only (Z, upper case)") — a third
// opinion beside the package and the documented pattern.
import { createRandom } from "./prng.mjs";

export const isLeapYear = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y, m) =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const pad = (n, width) => String(n).padStart(width, "0");

/** Characters the edits insert or substitute, grouped by why they are there. */
export const EDIT_CHARACTERS = {
  asciiDigits: [..."0123456789"],
  otherScriptDigits: [
    "\uFF12", // ２ fullwidth two
    "\u0662", // ٢ Arabic-Indic two
    "\u06F3", // ۳ extended Arabic-Indic three
    "\u09EA", // ৪ Bengali four
    "\u0966", // ० Devanagari zero
    "\u0E53", // ๓ Thai three
    "\u07C2", // ߂ NKo two
    "\u1040", // ၀ Myanmar zero
    "\u{1D7D8}", // 𝟘 mathematical double-struck zero (outside the BMP: a surrogate pair)
    "\u{1D7CE}", // 𝟎 mathematical bold zero
    "\u00B2", // ² superscript two (not a decimal digit, but numeric)
    "\u2460", // ① circled one
  ],
  designators: ["t", "z", "T", "Z", "\uFF34", "\uFF3A"], // Ｔ Ｚ fullwidth
  letters: [..."abcdefghijklmnopqrsuvwxyABCDEFGHIJKLMNOPQRSUVWXY", "\u0130", "\u017F", "\u212A"], // İ ſ K(elvin)
  spaces: [" ", "\t", "\u00A0", "\u2003", "\u3000", "\u200B", "\uFEFF"],
  punctuation: ["+", "-", ":", ".", ",", "/", "_", "\u2212", "\u2010", "\uFF1A", "\uFF0D", "\u2236"], // − ‐ ： － ∶
  lineBreaks: ["\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f"],
  controls: ["\0", "\x01", "\x1B", "\x7F"],
  surrogateHalves: ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"],
};
const ALL_EDIT_CHARACTERS = Object.values(EDIT_CHARACTERS).flat();

function fraction(random) {
  const digits = random.range(1, 12);
  let s = "";
  for (let i = 0; i < digits; i++) s += random.int(10);
  return s;
}

/** A valid timestamp; `year` may be given. */
export function validTimestamp(random, year = random.int(10000)) {
  const month = random.range(1, 12);
  const dim = daysInMonth(year, month);
  // Month ends are where calendars go wrong: pick them often.
  const day = random.chance(0.4) ? dim - random.int(2) : random.range(1, dim);
  return formatTimestamp(random, year, month, day, random.int(24), random.int(60));
}

function formatTimestamp(random, year, month, day, hour, minute, second, withSeconds, withFraction) {
  withSeconds ??= random.chance(0.6);
  withFraction ??= withSeconds && random.chance(0.5);
  second ??= random.int(60);
  let s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}`;
  if (withSeconds) s += `:${pad(second, 2)}`;
  if (withFraction) s += `.${fraction(random)}`;
  return s + "Z";
}

/** A timestamp whose fields may be just out of range; `expected` from the calendar. */
function calendarCandidate(random) {
  const year = random.int(10000);
  const month = random.chance(0.9) ? random.range(1, 12) : random.pick([0, 13, 19, 20, 99]);
  const dim = month >= 1 && month <= 12 ? daysInMonth(year, month) : 31;
  const day = random.chance(0.5) ? random.range(Math.max(0, dim - 2), dim + 2) : random.range(0, 32);
  const hour = random.chance(0.9) ? random.range(0, 23) : random.pick([24, 25, 29, 30, 99]);
  const minute = random.chance(0.9) ? random.range(0, 59) : random.pick([60, 61, 70, 99]);
  const second = random.chance(0.9) ? random.range(0, 59) : random.pick([60, 61, 70, 99]);
  const withSeconds = random.chance(0.6);
  const s = formatTimestamp(random, year, month, day, hour, minute, second, withSeconds);
  const expected =
    month >= 1 && month <= 12 && day >= 1 && day <= dim && hour <= 23 && minute <= 59 && (!withSeconds || second <= 59);
  return { s, expected };
}

/** One insert, replace or delete at a random position (code-unit positions, so
 * a surrogate pair may be split: that is wanted). */
export function editOnce(random, s) {
  const op = random.int(3);
  // Ends of the string are where anchors fail: pick them often.
  const pos = random.chance(0.2) ? random.pick([0, s.length]) : random.int(s.length + 1);
  const ch = random.pick(ALL_EDIT_CHARACTERS);
  if (op === 0 || s.length === 0) return s.slice(0, pos) + ch + s.slice(pos);
  const at = Math.min(pos, s.length - 1);
  if (op === 1) return s.slice(0, at) + ch + s.slice(at + 1);
  return s.slice(0, at) + s.slice(at + 1);
}

/**
 * Yields `count` cases { s, kind, expected? }, deterministic for a seed.
 * Always included, whatever the count: Feb 29 of every year 0000-9999 (the
 * leap rule, 10,000 strings) — so count should be at least 10,000.
 */
export function* timestampCases(count, seed = "timestamp-proof") {
  const random = createRandom(seed);
  let made = 0;
  for (let year = 0; year < 10000 && made < count; year++, made++) {
    yield {
      s: formatTimestamp(random, year, 2, 29, random.int(24), random.int(60)),
      kind: "feb-29-every-year",
      expected: isLeapYear(year),
    };
  }
  while (made < count) {
    const roll = random.float();
    made++;
    if (roll < 0.2) {
      yield { s: validTimestamp(random), kind: "valid", expected: true };
    } else if (roll < 0.4) {
      yield { ...calendarCandidate(random), kind: "calendar" };
    } else if (roll < 0.9) {
      yield { s: editOnce(random, validTimestamp(random)), kind: "one-edit" };
    } else {
      yield { s: editOnce(random, editOnce(random, validTimestamp(random))), kind: "two-edits" };
    }
  }
}

/** Shows a string with every non-printable-ASCII code unit escaped. */
export function showString(s) {
  return JSON.stringify(s).replace(/[^\x20-\x7E]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
