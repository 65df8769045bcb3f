//! JSON Schema (draft 2020-12) of the request and the session, generated
//! from the same declarations the validators walk ([`crate::shape`]): the
//! enums, minimum lengths and the Timestamp pattern are not written again.
//!
//! A standard validator given these accepts and refuses exactly what the
//! package does, on any JSON value without lone surrogates (nesting past
//! [`crate::MAX_DEPTH`] aside, which JSON Schema cannot express).

use crate::json_text::{JsonWriter, NumberText, ObjectWriter, RustNumbers};
use crate::request::CreateAgentSession;
use crate::response::AgentSession;
use crate::shape::{Presence, Rule, Shape, UnknownKeys};
use crate::timestamp::TIMESTAMP_PATTERN;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema of the create request body, as JSON text.
///
/// # Example
/// ```
/// let schema = membrane_agent_session::json_schema::create_agent_session_json_schema();
/// assert!(schema.contains(r#""additionalProperties":false"#));
/// ```
pub fn create_agent_session_json_schema() -> String {
    json_schema::<RustNumbers>(&CreateAgentSession::SHAPE)
}

/// The JSON Schema of a session (the 200 answer), as JSON text.
pub fn agent_session_json_schema() -> String {
    json_schema::<RustNumbers>(&AgentSession::SHAPE)
}

/// The schema of `root`, with every shape it refers to under `$defs`
/// (numbers written by `N`; the schemas hold only integers).
pub fn json_schema<N: NumberText>(root: &'static Shape) -> String {
    let mut defs: Vec<&'static Shape> = Vec::new();
    collect_refs(root, &mut defs);
    let mut w = JsonWriter::<N>::with_numbers();
    let mut o = w.object();
    o.string("$schema", DRAFT);
    o.string("title", root.name);
    write_shape_body(&mut o, root);
    let shared: Vec<_> = defs.into_iter().filter(|s| !std::ptr::eq(*s, root)).collect();
    if !shared.is_empty() {
        let mut d = o.key("$defs").object();
        for shape in shared {
            let mut s = d.key(shape.name).object();
            write_shape_body(&mut s, shape);
            s.end();
        }
        d.end();
    }
    o.end();
    w.finish()
}

/// Every shape reachable from `shape`, each once (the root included, so a
/// shape that refers to itself is not followed again).
fn collect_refs(shape: &'static Shape, found: &mut Vec<&'static Shape>) {
    if found.iter().any(|s| std::ptr::eq(*s, shape)) {
        return;
    }
    found.push(shape);
    for field in shape.fields {
        if let Rule::ArrayOf(next) | Rule::Nested(next) = field.rule {
            collect_refs(next(), found);
        }
    }
}

fn write_shape_body<N: NumberText>(o: &mut ObjectWriter<'_, N>, shape: &'static Shape) {
    o.string("type", "object");
    let mut properties = o.key("properties").object();
    for field in shape.fields {
        let mut p = properties.key(field.key).object();
        write_rule(&mut p, field.rule);
        if let Presence::Default(value) = field.presence {
            p.string("default", value);
        }
        p.end();
    }
    properties.end();
    let required: Vec<&str> =
        shape.fields.iter().filter(|f| f.presence == Presence::Required).map(|f| f.key).collect();
    if !required.is_empty() {
        o.key("required").strings(required);
    }
    if shape.unknown_keys == UnknownKeys::Refuse {
        o.boolean("additionalProperties", false);
    }
}

fn write_rule<N: NumberText>(o: &mut ObjectWriter<'_, N>, rule: Rule) {
    match rule {
        Rule::Text { min } => {
            o.string("type", "string");
            if min > 0 {
                o.key("minLength").number(f64::from(min));
            }
        }
        Rule::Timestamp => {
            o.string("type", "string");
            o.string("pattern", TIMESTAMP_PATTERN);
        }
        Rule::Enum(values) => {
            o.string("type", "string");
            o.key("enum").strings(values.iter().copied());
        }
        Rule::Boolean => o.string("type", "boolean"),
        Rule::Integer { min, max } => {
            o.string("type", "integer");
            o.key("minimum").number(f64::from(min));
            o.key("maximum").number(f64::from(max));
        }
        Rule::FiniteNumber => o.string("type", "number"),
        Rule::Json => {}
        Rule::JsonObject => o.string("type", "object"),
        Rule::JsonArray => o.string("type", "array"),
        Rule::PathSegment => {
            o.string("type", "string");
            o.key("minLength").number(1.0);
            let mut not = o.key("not").object();
            not.key("enum").strings([".", ".."]);
            not.end();
        }
        Rule::ArrayOf(shape) => {
            o.string("type", "array");
            let mut items = o.key("items").object();
            items.string("$ref", &format!("#/$defs/{}", shape().name));
            items.end();
        }
        Rule::Nested(shape) => o.string("$ref", &format!("#/$defs/{}", shape().name)),
    }
}
