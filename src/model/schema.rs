//! JSON Schemas of the two file kinds, generated from the serde types of [`super::raw`]
//! with `schemars`, so editors (taplo, tombi: a `#:schema PATH` line at the top of a
//! file) flag unknown keys, missing keys and words outside the vocabularies as the
//! curator types. The closed vocabularies come from [`super::vocab`] and the id and date
//! shapes from `check`'s own rules, so the schema cannot drift from what `check` accepts;
//! the copies shipped in `assets/` are tested to equal what this module generates.
//!
//! The schema says what a file may contain; `check` still decides whether quotes resolve,
//! ids exist and the rest that needs the whole corpus.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::raw::{RawDossier, RawSources};
use super::vocab::{AliasKind, Derivation, Kind, RelationType};

/// The `id` shape `check` accepts (`check::fields::is_slug`).
const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// The date shape `check` accepts (`check::is_date` also rejects impossible days).
const DATE: &str = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

/// A slug id.
pub fn slug(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": SLUG })
}

/// An optional `YYYY[-MM[-DD]]` date.
pub fn opt_date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": DATE })
}

/// 64 hexadecimal digits.
pub fn sha256(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": "^[0-9a-fA-F]{64}$" })
}

/// A dossier kind.
pub fn kind(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "enum": Kind::ALL })
}

/// An alias kind.
pub fn alias_kind(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "enum": AliasKind::ALL })
}

/// A relation type.
pub fn relation_type(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "enum": RelationType::ALL })
}

/// A derivation.
pub fn derivation(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "enum": Derivation::ALL })
}

fn render<T: JsonSchema>(title: &str) -> String {
    // TOML has no null: an absent key is how a value is left out, so optional keys are
    // plain strings, without the `null` type or default serde's Option would suggest.
    let mut schema = schemars::schema_for!(T);
    schema.insert("title".into(), title.into());
    let mut value = schema.to_value();
    no_nulls(&mut value);
    let mut text = crate::cli::json::pretty(&value);
    text.push('\n');
    text
}

/// Removes `null` from the schema, recursively: every `"default": null`, `"null"` from
/// a list of types, and a `{"type": "null"}` alternative.
fn no_nulls(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(alts)) = map.get_mut("anyOf") {
                alts.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                if let [only] = alts.as_slice() {
                    let only = only.clone();
                    map.remove("anyOf");
                    if let Value::Object(inner) = only {
                        map.extend(inner);
                    }
                }
            }
            map.values_mut().for_each(no_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(no_nulls),
        _ => {}
    }
}

/// The JSON Schema of a dossier file, as shipped in `assets/dossier.schema.json`.
pub fn dossier_json() -> String {
    render::<RawDossier>("dossier file (dossiers/<people|groups|events|places>/<id>.toml)")
}

/// The JSON Schema of `seeds/sources.toml`, as shipped in `assets/sources.schema.json`.
pub fn sources_json() -> String {
    render::<RawSources>("dossier sources registry (seeds/sources.toml)")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files shipped in `assets/` are the generated ones: change a type, run
    /// `cargo run -- schema dossier > assets/dossier.schema.json` (and sources).
    #[test]
    fn shipped_schemas_equal_the_generated_ones() {
        let root = env!("CARGO_MANIFEST_DIR");
        for (file, generated) in [
            ("assets/dossier.schema.json", dossier_json()),
            ("assets/sources.schema.json", sources_json()),
        ] {
            let shipped = std::fs::read_to_string(format!("{root}/{file}")).unwrap_or_default();
            assert!(
                shipped == generated,
                "{file} differs from the generated schema; regenerate it with `cargo run -- schema`"
            );
        }
    }

    #[test]
    fn vocabularies_ids_and_required_keys_are_in_the_schema() {
        let d: serde_json::Value = serde_json::from_str(&dossier_json()).unwrap_or_default();
        assert_eq!(d["properties"]["kind"]["enum"][0], "person");
        assert_eq!(d["properties"]["id"]["pattern"], SLUG);
        assert_eq!(d["additionalProperties"], false);
        let s: serde_json::Value = serde_json::from_str(&sources_json()).unwrap_or_default();
        let source = &s["$defs"]["RawSource"];
        let required: Vec<&str> = source["required"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        for key in [
            "id",
            "file",
            "title",
            "outlet",
            "lang",
            "derivation",
            "sha256",
        ] {
            assert!(required.contains(&key), "{key} not required: {required:?}");
        }
    }
}
