//! Prints the package's JSON Schemas as one JSON object, for the package
//! build (`make pkg` writes it to `target/wasm-pack/web/json-schemas.json`;
//! `scripts/assemble-pkg.mjs` writes the texts into `interop.js`), so that
//! the schema generator need not ship in the wasm module:
//! `cargo run --example json_schemas`.
use membrane_agent_session::json_schema::{agent_session_json_schema, create_agent_session_json_schema};
use membrane_agent_session::json_text::{JsonWriter, RustNumbers};

fn main() {
    let mut w = JsonWriter::<RustNumbers>::for_answers();
    let mut o = w.object();
    // Keyed by the names js/interop.js calls them by.
    o.string("createAgentSessionJsonSchemaText", &create_agent_session_json_schema());
    o.string("agentSessionJsonSchemaText", &agent_session_json_schema());
    o.end();
    println!("{}", w.finish());
}
