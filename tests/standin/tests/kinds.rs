//! Models that take no song or two, models that write text, and the dialect switch.

mod support;
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use support::*;

fn wav_of(secs: f64, gain: f32) -> Vec<u8> {
    let path = std::env::temp_dir().join(format!("k-{}-{secs}-{gain}.wav", std::process::id()));
    mvsep_standin::audio::write_tone(&path, secs, 8000).unwrap();
    let mut r = hound::WavReader::open(&path).unwrap();
    let spec = r.spec();
    let samples: Vec<i16> = r.samples::<i16>().map(Result::unwrap).collect();
    let mut w = hound::WavWriter::create(&path, spec).unwrap();
    for s in samples {
        w.write_sample((s as f32 * gain) as i16).unwrap();
    }
    w.finalize().unwrap();
    let b = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(path);
    b
}

async fn file_of(s: &Server, url: &str) -> Vec<u8> {
    s.http
        .get(url)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec()
}

fn rms(wav: &[u8]) -> f64 {
    let r = hound::WavReader::new(std::io::Cursor::new(wav)).unwrap();
    let v: Vec<f64> = r
        .into_samples::<i16>()
        .map(|s| s.unwrap() as f64 / 32768.0)
        .collect();
    (v.iter().map(|x| x * x).sum::<f64>() / v.len() as f64).sqrt()
}

#[tokio::test]
async fn a_prompt_makes_a_piece_of_its_length_with_no_file() {
    let s = start(&["--queue", "0"]).await;
    let prompt = "A calm piano\nwith rain";
    let form = Form::new()
        .text("api_token", PREMIUM.to_string())
        .text("sep_type", "62")
        .text("add_opt1", prompt)
        .text("add_opt2", "3");
    let (st, body) = s.post_form("/api/separation/create", form).await;
    assert_eq!(st, 200, "{body}");
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    assert!(hash.ends_with("-a-calm-piano.wav"), "{hash}");
    let done = s.poll_until(&hash, "done", true).await;
    let files = done["job"]["data"]["files"].as_array().unwrap().clone();
    assert_eq!(files.len(), 1);
    let wav = file_of(&s, files[0]["url"].as_str().unwrap()).await;
    let r = hound::WavReader::new(std::io::Cursor::new(wav)).unwrap();
    assert!((r.duration() as f64 / r.spec().sample_rate as f64 - 3.0).abs() < 0.01);
    // The prompt is required, as the field says.
    let form = Form::new()
        .text("api_token", PREMIUM.to_string())
        .text("sep_type", "62");
    let (st, body) = s.post_form("/api/separation/create", form).await;
    assert_eq!(st, 400);
    assert!(body["message"]["add_opt1"].is_array(), "{body}");
}

#[tokio::test]
async fn mastering_takes_two_files_and_matches_the_reference() {
    let s = start(&["--queue", "0"]).await;
    let form = |with_reference: bool| {
        let f = Form::new()
            .text("api_token", PREMIUM.to_string())
            .text("sep_type", "104")
            .part(
                "target_audiofile",
                Part::bytes(wav_of(1.0, 0.25)).file_name("quiet mix.wav"),
            );
        if with_reference {
            f.part(
                "reference_audiofile",
                Part::bytes(wav_of(1.0, 1.0)).file_name("ref.wav"),
            )
        } else {
            f
        }
    };
    let (st, body) = s.post_form("/api/separation/create", form(false)).await;
    assert_eq!(st, 400);
    assert!(body["message"]["reference_audiofile"].is_array(), "{body}");
    let (st, body) = s.post_form("/api/separation/create", form(true)).await;
    assert_eq!(st, 200, "{body}");
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    assert!(hash.ends_with("-quiet-mix.wav"), "{hash}");
    let done = s.poll_until(&hash, "done", true).await;
    let files = done["job"]["data"]["files"].as_array().unwrap().clone();
    assert_eq!(files.len(), 1);
    let out = rms(&file_of(&s, files[0]["url"].as_str().unwrap()).await);
    let (quiet, loud) = (rms(&wav_of(1.0, 0.25)), rms(&wav_of(1.0, 1.0)));
    assert!(
        (out - loud).abs() < loud * 0.05,
        "{out} vs {loud} (was {quiet})"
    );
}

#[tokio::test]
async fn speech_to_text_writes_subtitles_and_text() {
    let s = start(&["--queue", "0"]).await;
    let (st, body) = s.create(Some(FREE), "39", "talk.wav", tone(5.0), &[]).await;
    assert_eq!(st, 200, "{body}");
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    let done = s.poll_until(&hash, "done", true).await;
    let files = done["job"]["data"]["files"].as_array().unwrap().clone();
    let names: Vec<&str> = files
        .iter()
        .map(|f| f["download"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 4);
    for ext in [".srt", ".vtt", ".txt", ".json"] {
        assert!(names.iter().any(|n| n.ends_with(ext)), "{names:?}");
    }
    let srt = files
        .iter()
        .find(|f| f["download"].as_str().unwrap().ends_with(".srt"))
        .unwrap();
    let text = String::from_utf8(file_of(&s, srt["url"].as_str().unwrap()).await).unwrap();
    assert!(
        text.starts_with("1\n00:00:00,000 --> 00:00:02,000\nLine 1 of the song.\n"),
        "{text}"
    );
    assert!(
        text.contains("3\n00:00:04,000 --> 00:00:05,000\n"),
        "{text}"
    );
    // Every file's size in bytes, beside the human one.
    assert!(
        files
            .iter()
            .all(|f| f["bytes"].as_u64().is_some_and(|b| b > 0)),
        "{files:?}"
    );
}

#[tokio::test]
async fn the_dialect_switch_answers_in_the_other_shapes() {
    let s = start(&["--queue", "0", "--dialect", "on"]).await;
    let (_, algos) = s.get("/api/app/algorithms?scopes=single_upload").await;
    let a = &algos[0];
    assert!(a["render_id"].is_string() && a["is_active"] == "1", "{a}");
    assert!(a["audio_upload_disabled"].is_boolean());
    let f = &a["algorithm_fields"][0];
    assert!(
        f["options"].is_object() && f["required"].is_boolean(),
        "{f}"
    );
    let (_, body) = s.create(Some(FREE), "40", "a.wav", tone(1.0), &[]).await;
    assert_eq!(body["success"], "true");
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    let done = s.poll_until(&hash, "done", true).await;
    assert!(
        done["seen"]
            .as_array()
            .unwrap()
            .contains(&Value::from("converting")),
        "{done}"
    );
    let file = &done["job"]["data"]["files"][0];
    assert!(
        file["bytes"].as_str().unwrap().parse::<u64>().unwrap() > 0,
        "{file}"
    );
    let (_, history) = s
        .get(&format!("/api/app/separation_history?api_token={FREE}"))
        .await;
    assert_eq!(history["data"][0]["job_exists"], 1);
    let (_, user) = s.get(&format!("/api/app/user?api_token={FREE}")).await;
    assert_eq!(user["data"]["premium_enabled"], "0");
}
