pub mod enums;
pub mod issue;
pub mod json_text;
pub mod suggestion;
pub mod timestamp;
pub mod value;
