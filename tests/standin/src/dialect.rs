//! The `dialect` switch: the same answers in the other shapes other clients have seen the live
//! service use (`mvsep-api.md`, "Newer facts"), so the app's reading of each is tested end to
//! end: numbers and flags as text or booleans, option lists as objects, `success` as text, a
//! status the documentation does not name, file sizes in bytes as text.

use serde_json::{json, Value};

/// A flag as the text "1"/"0".
fn flag_text(v: &Value) -> Value {
    json!(if v.as_i64().unwrap_or(0) != 0 || v == &json!(true) {
        "1"
    } else {
        "0"
    })
}

/// An algorithm: ids and prices as text, flags as text or booleans, options as an object.
pub fn algorithm(a: &mut Value) {
    a["render_id"] = json!(a["render_id"].to_string());
    a["is_active"] = flag_text(&a["is_active"]);
    a["audio_upload_disabled"] = json!(a["audio_upload_disabled"].as_i64() == Some(1));
    if let Some(c) = a["price_coefficient"].as_f64() {
        a["price_coefficient"] = json!(format!("{c:.4}"));
    }
    for f in a["algorithm_fields"].as_array_mut().into_iter().flatten() {
        f["required"] = json!(f["required"].as_i64() == Some(1));
        if let Some(object) = f["options"]
            .as_str()
            .and_then(|s| serde_json::from_str::<Value>(s).ok())
        {
            f["options"] = object;
        }
    }
}

/// A create's answer: `success` as the text "true".
pub fn created(body: &mut Value) {
    body["success"] = json!("true");
}

/// A job's state: `converting` for `processing`, and each file's bytes as text.
pub fn job(body: &mut Value) {
    if body["status"] == "processing" {
        body["status"] = json!("converting");
    }
    let files = body.get_mut("data").and_then(|d| d.get_mut("files"));
    for f in files.and_then(Value::as_array_mut).into_iter().flatten() {
        if let Some(n) = f["bytes"].as_u64() {
            f["bytes"] = json!(n.to_string());
        }
    }
}

/// A history row: `job_exists` as 1/0; an account: its flags as text.
pub fn history_row(row: &mut Value) {
    row["job_exists"] = json!(u8::from(row["job_exists"] == json!(true)));
}

pub fn account(a: &mut Value) {
    for k in ["premium_enabled", "long_filenames_enabled"] {
        a[k] = flag_text(&a[k]);
    }
}
