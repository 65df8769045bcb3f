//! Compiles the documented timestamp pattern (`src/timestamp.pattern`, copied
//! letter for letter from SPEC.md) into a dense DFA and writes its bytes to
//! `OUT_DIR`, so that the shipped module carries only the small DFA search
//! code and never a regex compiler.

use regex_automata::{
    dfa::{dense, StartKind},
    nfa::thompson,
    util::syntax,
};

fn main() {
    println!("cargo:rerun-if-changed=src/timestamp.pattern");
    println!("cargo:rerun-if-changed=build.rs");
    let pattern = std::fs::read_to_string("src/timestamp.pattern")
        .expect("src/timestamp.pattern is part of the crate");
    let pattern = pattern.trim_end_matches('\n');
    let dfa = dense::Builder::new()
        // ECMAScript meaning: `\d` is [0-9] and `.`-free ASCII only, so no
        // Unicode classes; the haystack is matched as bytes.
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .thompson(thompson::Config::new().utf8(false))
        .configure(
            dense::Config::new()
                .minimize(true)
                .start_kind(StartKind::Anchored),
        )
        .build(pattern)
        .expect("the documented timestamp pattern compiles");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let (bytes, pad) = dfa.to_bytes_little_endian();
    std::fs::write(out.join("timestamp.le.dfa"), &bytes[pad..]).expect("OUT_DIR is writable");
    let (bytes, pad) = dfa.to_bytes_big_endian();
    std::fs::write(out.join("timestamp.be.dfa"), &bytes[pad..]).expect("OUT_DIR is writable");
}
