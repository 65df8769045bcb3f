//! `Result<T>` as JavaScript callers receive it:
//! `{ success: true, data }` or `{ success: false, issues }`.

use std::borrow::Cow;

use tsify::Tsify;

use crate::issue::{Issue, IssueField, PathSegment};
use crate::json_text::{JsonWriter, NumberText, RustNumbers, ToJson};

/// What every function that checks answers: `{ success: true, data }`, or
/// `{ success: false, issues }` with every problem found.
#[derive(Tsify)]
#[serde(untagged)]
pub enum Result<T> {
    Success {
        #[tsify(type = "true")]
        success: bool,
        data: T,
    },
    Failure {
        #[tsify(type = "false")]
        success: bool,
        #[tsify(type = "readonly Issue[]")]
        issues: Vec<Issue>,
    },
}

/// The JSON text of `result` in the JS `Result<T>` shape.
pub fn outcome_json<T: ToJson>(result: &std::result::Result<T, Vec<Issue>>) -> String {
    outcome_json_with::<RustNumbers, T>(result)
}

/// [`outcome_json`], numbers written by `N`.
pub fn outcome_json_with<N: NumberText, T: ToJson>(result: &std::result::Result<T, Vec<Issue>>) -> String {
    let mut w = JsonWriter::<N>::for_answers();
    let mut o = w.object();
    match result {
        Ok(data) => {
            o.boolean("success", true);
            data.write_json(o.key("data"));
        }
        Err(issues) => {
            o.boolean("success", false);
            issues.write_json(o.key("issues"));
        }
    }
    o.end();
    w.finish()
}

impl ToJson for Issue {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        let mut o = w.object();
        self.fields(|field, value| {
            let name = field.name();
            match value {
                IssueField::Text(text) | IssueField::Fixed(text) => o.string(name, text),
                IssueField::Number(n) => o.key(name).number(f64::from(n)),
                IssueField::Flag(flag) => o.boolean(name, flag),
                IssueField::FixedList(texts) => o.key(name).strings(texts.iter().copied()),
                IssueField::Keys(keys) => o.key(name).strings(keys.iter().map(String::as_str)),
                IssueField::Path(path) => {
                    let w = o.key(name);
                    w.raw("[");
                    for (i, segment) in path.iter().enumerate() {
                        if i > 0 {
                            w.raw(",");
                        }
                        match segment {
                            PathSegment::Key(key) => w.string(key),
                            PathSegment::Index(index) => w.number(*index as f64),
                        }
                    }
                    w.raw("]");
                }
            }
        });
        o.end();
    }
}

/// Issues as compact records for a reader that builds the objects itself
/// (the JS binding): no JSON text to write or to parse.
///
/// Each issue is `[field count]` and then, per field, `[name, type, …]`:
/// `name` is the field's number ([`crate::issue::Field`]); a text is `[0, start, end]`, its UTF-16
/// offsets in `text`; a number `[1, n]`; a flag `[2, 0 or 1]`; a list of
/// texts `[3, count, (start, end)…]`; a path `[4, count, (0, start, end) or
/// (1, index, 0) or (2, address, bytes)…]`. Texts and lists fixed in the
/// program are not copied: they go by where they are in the module's
/// memory, which never changes, so that the reader can read each once and
/// keep it: a fixed text is `[5, address, bytes]` (a path's declared key
/// `(2, address, bytes)`), a fixed list `[6, address, count, (address,
/// bytes)…]` (wasm32 addresses).
pub fn issue_records(issues: &[Issue], words: &mut Vec<i32>, text: &mut String) {
    // Pushes, one word at a time (`extend` of an array is not inlined).
    fn extend<const N: usize>(words: &mut Vec<i32>, items: [i32; N]) {
        for item in items {
            words.push(item);
        }
    }
    words.reserve(issues.len() * 24);
    text.reserve(issues.len() * 160);
    let mut units = 0usize;
    let mut put = |words: &mut Vec<i32>, text: &mut String, s: &str| {
        let start = units;
        units += if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
        text.push_str(s);
        extend(words, [start as i32, units as i32]);
    };
    let fixed = |words: &mut Vec<i32>, s: &'static str| extend(words, [s.as_ptr() as i32, s.len() as i32]);
    for issue in issues {
        let at = words.len();
        words.push(0);
        let mut count = 0;
        issue.fields(|name, value| {
            count += 1;
            words.push(name as i32);
            match value {
                IssueField::Text(s) => {
                    words.push(0);
                    put(words, text, s);
                }
                IssueField::Fixed(s) => {
                    words.push(5);
                    fixed(words, s);
                }
                IssueField::Number(n) => extend(words, [1, n as i32]),
                IssueField::Flag(flag) => extend(words, [2, i32::from(flag)]),
                IssueField::FixedList(texts) => {
                    extend(words, [6, texts.as_ptr() as i32, texts.len() as i32]);
                    for s in texts {
                        fixed(words, s);
                    }
                }
                IssueField::Keys(keys) => {
                    extend(words, [3, keys.len() as i32]);
                    for s in keys {
                        put(words, text, s);
                    }
                }
                IssueField::Path(path) => {
                    extend(words, [4, path.len() as i32]);
                    for segment in path {
                        match segment {
                            PathSegment::Key(Cow::Borrowed(key)) => {
                                words.push(2);
                                fixed(words, key);
                            }
                            PathSegment::Key(key) => {
                                words.push(0);
                                put(words, text, key);
                            }
                            PathSegment::Index(index) => extend(words, [1, *index as i32, 0]),
                        }
                    }
                }
            }
        });
        words[at] = count;
    }
}
