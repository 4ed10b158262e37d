//! Prints callml's rendering of the benchmark documents as JSON, for `benches/compare/run.sh` to
//! check the other libraries' output against (`cargo bench --bench compare-documents`).

#[path = "../common/documents.rs"]
mod documents;

use callml::xml::Render;

fn main() {
    let docs = serde_json::json!({
        "twiml": {"S": documents::twiml_s().to_xml(), "M": documents::twiml_m().to_xml(), "L": documents::twiml_l().to_xml()},
        "bxml": {"S": documents::bxml_s().to_xml(), "M": documents::bxml_m().to_xml(), "L": documents::bxml_l().to_xml()},
    });
    println!("{docs}");
}
