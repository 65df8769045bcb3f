//! The enums agree with SPEC.md, value for value and in order.
#![cfg(not(target_arch = "wasm32"))]

use membrane_agent_session::{
    AgentName, AgentSessionState, AgentSessionStatus, ModelId, WorkspaceElementType,
};

/// The values SPEC.md lists for `name` in its enumeration table.
fn spec_values(name: &str) -> Vec<String> {
    let spec = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/SPEC.md"))
        .expect("spec/SPEC.md is in the repository");
    let row = spec
        .lines()
        .find(|line| line.starts_with(&format!("| {name} (")))
        .unwrap_or_else(|| panic!("SPEC.md has no row for {name}"));
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    let count: usize = cells[1]
        .trim_start_matches(name)
        .trim_matches(|c| c == ' ' || c == '(' || c == ')')
        .parse()
        .expect("a count");
    let values: Vec<String> = cells[2].split(", ").map(str::to_owned).collect();
    assert_eq!(values.len(), count, "SPEC's own count for {name}");
    values
}

#[test]
fn every_enum_matches_spec_in_order() {
    assert_eq!(WorkspaceElementType::VALUES, spec_values("WorkspaceElementType"));
    assert_eq!(ModelId::VALUES, spec_values("ModelId"));
    assert_eq!(AgentName::VALUES, spec_values("AgentName"));
    assert_eq!(AgentSessionStatus::VALUES, spec_values("AgentSessionStatus"));
    assert_eq!(AgentSessionState::VALUES, spec_values("AgentSessionState"));
}

#[test]
fn the_source_page_lists_the_same_values() {
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/seed-create-agent-session.txt"))
            .expect("the source page is beside SPEC.md");
    for list in [
        WorkspaceElementType::VALUES,
        ModelId::VALUES,
        AgentName::VALUES,
        AgentSessionStatus::VALUES,
        AgentSessionState::VALUES,
    ] {
        assert!(page.contains(&list.join(", ")), "source page lacks {list:?}");
    }
}

#[test]
fn the_pattern_is_spec_letter_for_letter() {
    let spec = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/SPEC.md")).unwrap();
    let fenced = spec.split("```\n").nth(1).expect("SPEC has a fenced pattern").trim_end();
    assert_eq!(membrane_agent_session::timestamp::TIMESTAMP_PATTERN, fenced);
}
