//! The stand-in's answers, shape by shape, against the recorded bodies and the documented API.

mod support;
use serde_json::{json, Value};
use support::*;

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    k.sort();
    k
}

#[tokio::test]
async fn recorded_lists_are_served_as_recorded() {
    let s = start(&[]).await;
    let (st, algos) = s.get("/api/app/algorithms?scopes=single_upload").await;
    assert_eq!(st, 200);
    assert_eq!(algos, fixture("algorithms_2026_full"));
    // Every scope without the filter; each other scope by itself.
    let (_, all) = s.get("/api/app/algorithms").await;
    assert_eq!(all.as_array().unwrap().len(), 117 + 3);
    for (scope, ids) in [
        ("no_upload", vec![62, 115]),
        ("matchering_upload", vec![104]),
    ] {
        let (_, list) = s.get(&format!("/api/app/algorithms?scopes={scope}")).await;
        let got: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["render_id"].as_i64().unwrap())
            .collect();
        assert_eq!(got, ids, "{scope}");
    }
    let sample = start(&["--algorithms", "sample"]).await;
    let (_, algos) = sample.get("/api/app/algorithms?scopes=single_upload").await;
    assert_eq!(algos, fixture("algorithms_2026_sample"));
    let (_, ru) = s.get("/api/app/news?lang=ru").await;
    assert_eq!(ru, fixture("postman_news_200"));
    let (_, en) = s.get("/api/app/news?lang=en&start=2&limit=3").await;
    assert_eq!(
        en.as_array().unwrap()[..],
        fixture("postman_news_200_2").as_array().unwrap()[2..5]
    );
    let (_, demo) = s.get("/api/app/demo?start=0&limit=2").await;
    assert_eq!(demo, fixture("postman_demo_200"));
    let old = start(&["--algorithms", "2024"]).await;
    let (_, algos) = old.get("/api/app/algorithms?scopes=single_upload").await;
    assert_eq!(algos.as_array().unwrap().len(), 38);
}

#[tokio::test]
async fn account_endpoints_match_the_recorded_envelopes() {
    let s = start(&[]).await;
    let (st, body) = s.post("/api/app/login", &[]).await;
    assert_eq!((st, &body), (400, &fixture("postman_login_400")));
    let (st, body) = s
        .post(
            "/api/app/login",
            &[
                ("email", "premium@example.com"),
                ("password", "premium-password"),
            ],
        )
        .await;
    assert_eq!(st, 200);
    assert_eq!(
        keys(&body["data"]),
        keys(&fixture("postman_login_200")["data"])
    );
    assert_eq!(body["data"]["api_token"], PREMIUM);
    assert_eq!(body["data"]["premium_enabled"], 1, "0/1, not a boolean");
    let (st, body) = s
        .post(
            "/api/app/login",
            &[("email", "premium@example.com"), ("password", "nope")],
        )
        .await;
    assert_eq!(st, 400);
    assert!(body["message"]["email"][0]
        .as_str()
        .unwrap()
        .contains("credentials"));

    let (st, body) = s.get(&format!("/api/app/user?api_token={FREE}")).await;
    assert_eq!(st, 200);
    assert_eq!(body["data"]["email"], "free@example.com");
    assert!(body["data"]["current_queue"].is_array());
    let (st, body) = s.get("/api/app/user?api_token=wrong").await;
    assert_eq!(st, 401);
    assert_eq!(body["success"], false);

    for (path, on, name) in [
        (
            "/api/app/enable_premium",
            true,
            "postman_profile_enable_premium_200",
        ),
        (
            "/api/app/disable_premium",
            false,
            "postman_profile_disable_premium_200",
        ),
        (
            "/api/app/enable_long_filenames",
            true,
            "postman_profile_enable_long_filenames_200",
        ),
        (
            "/api/app/disable_long_filenames",
            false,
            "postman_profile_disable_long_filenames_200",
        ),
    ] {
        let (st, body) = s.post(path, &[("api_token", FREE)]).await;
        assert_eq!((st, &body), (200, &fixture(name)), "{path}");
        let (_, u) = s.get(&format!("/api/app/user?api_token={FREE}")).await;
        let flag = if path.contains("premium") {
            "premium_enabled"
        } else {
            "long_filenames_enabled"
        };
        assert_eq!(u["data"][flag], u8::from(on), "{path}");
    }
}

#[tokio::test]
async fn register_then_login_at_once() {
    let s = start(&[]).await;
    let s = &s;
    let register = |confirmation: &'static str| async move {
        let fields = [
            ("name", "New"),
            ("email", "new@example.com"),
            ("password", "longenough"),
            ("password_confirmation", confirmation),
        ];
        s.post("/api/app/register", &fields).await
    };
    let (st, body) = register("different").await;
    assert_eq!(st, 400);
    assert!(body["message"]["password"][0]
        .as_str()
        .unwrap()
        .contains("confirmation"));
    let (st, body) = register("longenough").await;
    assert_eq!(st, 200);
    assert_eq!(keys(&body), keys(&fixture("postman_register_200")));
    let (st, body) = s
        .post(
            "/api/app/login",
            &[("email", "new@example.com"), ("password", "longenough")],
        )
        .await;
    assert_eq!(st, 200);
    let token = body["data"]["api_token"].as_str().unwrap().to_string();
    let (st, _) = s.get(&format!("/api/app/user?api_token={token}")).await;
    assert_eq!(st, 200);
    let (st, body) = register("longenough").await;
    assert_eq!(st, 400);
    assert!(body["message"]["email"][0]
        .as_str()
        .unwrap()
        .contains("taken"));
}

#[tokio::test]
async fn a_job_walks_its_states_and_yields_real_audio() {
    let s = start(&[]).await;
    let (st, body) = s
        .create(
            Some(PREMIUM),
            "40",
            "My Song (live).wav",
            tone(3.0),
            &[
                ("output_format", "4"),
                ("add_opt3", "1"),
                ("add_opt1", "171"),
            ],
        )
        .await;
    assert_eq!(st, 200, "{body}");
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    assert!(hash.ends_with("-my-song-live.wav"), "{hash}");
    let (_, w) = s
        .get(&format!("/api/separation/get?hash={}", enc(&hash)))
        .await;
    assert_eq!(w["status"], "waiting");
    assert!(w["data"]["current_order"].as_i64().unwrap() >= 1);
    assert!(
        w["data"]["queue_count"].as_i64().unwrap() >= w["data"]["current_order"].as_i64().unwrap()
    );
    let done = s.poll_until(&hash, "done", true).await;
    let seen: Vec<&str> = done["seen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(seen, vec!["waiting", "processing", "done"]);
    let job = &done["job"];
    assert_eq!(job["data"]["output_format"], "wav (32 bit)");
    let files = job["data"]["files"].as_array().unwrap();
    // output_overrides of add_opt3=1 add four fullness stems to vocals and instrumental.
    assert_eq!(files.len(), 6, "{files:?}");
    for f in files {
        // `bytes` as other clients have seen the service send it in 2026.
        assert_eq!(keys(f), vec!["bytes", "download", "size", "type", "url"]);
        let url = f["url"].as_str().unwrap();
        assert!(
            url.starts_with(&s.base),
            "points back at the stand-in: {url}"
        );
        let bytes = s.http.get(url).send().await.unwrap().bytes().await.unwrap();
        let r = hound::WavReader::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        assert_eq!(r.spec().bits_per_sample, 32);
        assert_eq!(r.duration(), 24000, "same length as the input");
        // Long file names are on for the premium account.
        assert!(
            f["download"].as_str().unwrap().contains("bs-roformer"),
            "{f}"
        );
    }
    // Premium: 3 s at coefficient 1 costs the minimum, 1 credit.
    let (_, u) = s.get(&format!("/api/app/user?api_token={PREMIUM}")).await;
    assert_eq!(u["data"]["premium_minutes"], 499);
    let (_, h) = s
        .get(&format!("/api/app/separation_history?api_token={PREMIUM}"))
        .await;
    let row = &h["data"][0];
    assert_eq!(row["hash"], hash.as_str());
    assert_eq!(row["job_exists"], true);
    assert_eq!(row["credits"], 1);
    assert_eq!(row["time_left"], 71);
    assert_eq!(
        keys(row),
        keys(&fixture("postman_profile_separation_history_200_2")["data"][0])
    );
}

#[tokio::test]
async fn done_comes_first_without_files() {
    let s = start(&["--queue", "0"]).await;
    let (_, body) = s.create(None, "40", "a.wav", tone(1.0), &[]).await;
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    let empty = s.poll_until(&hash, "done", false).await;
    assert_eq!(empty["job"]["data"]["files"], json!([]));
    assert_eq!(
        keys(&empty["job"]["data"]),
        keys(&fixture("postman_separation_get_done_devserver_200")["data"])
    );
    let full = s.poll_until(&hash, "done", true).await;
    let f = &full["job"]["data"]["files"][0];
    assert_eq!(f["type"], "Vocals");
    // A free account's file names are short.
    assert_eq!(f["download"], "a_vocals.wav");
}

#[tokio::test]
async fn finishing_zero_gives_files_with_the_first_done() {
    let s = start(&["--queue", "0", "--finishing-ms", "0"]).await;
    let (_, body) = s.create(None, "40", "a.wav", tone(1.0), &[]).await;
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    let first = s.poll_until(&hash, "done", false).await;
    assert_eq!(first["job"]["data"]["files"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn long_inputs_distribute_and_merge() {
    let s = start(&["--queue", "0"]).await;
    let (_, body) = s
        .create(Some(PREMIUM), "40", "long.wav", tone(200.0), &[])
        .await;
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    let d = s.poll_until(&hash, "distributing", false).await;
    assert_eq!(d["job"]["data"]["all_chunks"], 4);
    s.poll_until(&hash, "merging", false).await;
    s.poll_until(&hash, "done", true).await;
}

#[tokio::test]
async fn not_audio_fails_with_a_reason() {
    let s = start(&["--queue", "0"]).await;
    let (st, body) = s
        .create(
            None,
            "40",
            "notes.mp3",
            b"this is a text file, not audio".to_vec(),
            &[],
        )
        .await;
    assert_eq!(st, 200);
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    let f = s.poll_until(&hash, "failed", false).await;
    assert!(f["job"]["data"]["message"]
        .as_str()
        .unwrap()
        .contains("not an audio file"));
}

#[tokio::test]
async fn refusals_use_the_real_envelopes() {
    let s = start(&["--free-mb", "1"]).await;
    // Premium gate: errors[] only, HTTP 400.
    let (st, body) = s.create(Some(FREE), "26", "a.wav", tone(1.0), &[]).await;
    assert_eq!(
        (st, &body),
        (400, &fixture("testliteral_ablevsep_premium_gate_400"))
    );
    let (st, body) = s
        .create(
            Some(FREE),
            "40",
            "a.wav",
            tone(1.0),
            &[("output_format", "5")],
        )
        .await;
    assert_eq!(st, 400);
    assert!(body["errors"][0].as_str().unwrap().contains("premium"));
    // Option keys are checked as the strings they are.
    let (st, body) = s
        .create(Some(FREE), "40", "a.wav", tone(1.0), &[("add_opt2", "2.0")])
        .await;
    assert_eq!(st, 400);
    assert!(body["message"]["add_opt2"].is_array(), "{body}");
    let (st, body) = s.create(Some(FREE), "120", "a.wav", tone(1.0), &[]).await;
    assert_eq!(st, 400);
    assert!(body["message"]["add_opt1"][0]
        .as_str()
        .unwrap()
        .contains("required"));
    // Size limit of the free plan (1 MB here).
    let (st, body) = s.create(Some(FREE), "40", "big.wav", tone(70.0), &[]).await;
    assert_eq!(st, 400);
    assert!(
        body["data"]["message"].as_str().unwrap().contains("1 MB"),
        "{body}"
    );
    let (st, _) = s
        .create(Some("wrong-token"), "40", "a.wav", tone(1.0), &[])
        .await;
    assert_eq!(st, 401);
    let (st, body) = s
        .post("/api/separation/create", &[("sep_type", "40")])
        .await;
    assert_eq!(st, 400);
    assert!(body["message"]["audiofile"].is_array());
}

#[tokio::test]
async fn a_client_written_for_the_other_list_runs_its_models() {
    // The 2026 list is served; MDX B (8) is only in the 2024 list, as in many clients.
    let s = start(&[]).await;
    let (_, algos) = s.get("/api/app/algorithms").await;
    assert!(!algos
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["render_id"] == 8));
    let (st, body) = s.create(Some(FREE), "8", "a.wav", tone(1.0), &[]).await;
    assert_eq!(st, 200, "{body}");
    let (st, body) = s.create(Some(FREE), "99999", "a.wav", tone(1.0), &[]).await;
    assert_eq!(st, 400);
    assert!(body["message"]["sep_type"].is_array(), "{body}");
}

#[tokio::test]
async fn parallel_limit_cancel_and_refund() {
    let s = start(&["--queue", "50"]).await;
    let (st, first) = s.create(Some(FREE), "40", "a.wav", tone(1.0), &[]).await;
    assert_eq!(st, 200);
    let (st, body) = s.create(Some(FREE), "40", "b.wav", tone(1.0), &[]).await;
    assert_eq!(st, 400, "a free account runs one job at a time");
    assert!(body["errors"][0].as_str().unwrap().contains("only 1"));
    let hash = first["data"]["hash"].as_str().unwrap();
    let (st, _) = s
        .post(
            "/api/separation/cancel",
            &[("api_token", FREE), ("hash", hash)],
        )
        .await;
    assert_eq!(st, 200);
    let (_, j) = s
        .get(&format!("/api/separation/get?hash={}", enc(hash)))
        .await;
    assert_eq!(j["status"], "failed");
    let (st, _) = s.create(Some(FREE), "40", "b.wav", tone(1.0), &[]).await;
    assert_eq!(st, 200, "the slot is free again");

    // Premium: credits come back on cancel; ten jobs at once, the eleventh refused.
    let mut hashes = Vec::new();
    for i in 0..10 {
        let (st, b) = s
            .create(Some(PREMIUM), "40", &format!("p{i}.wav"), tone(1.0), &[])
            .await;
        assert_eq!(st, 200, "{b}");
        hashes.push(b["data"]["hash"].as_str().unwrap().to_string());
    }
    let (st, _) = s
        .create(Some(PREMIUM), "40", "p10.wav", tone(1.0), &[])
        .await;
    assert_eq!(st, 400);
    let (_, u) = s.get(&format!("/api/app/user?api_token={PREMIUM}")).await;
    assert_eq!(u["data"]["premium_minutes"], 490);
    assert_eq!(u["data"]["current_queue"].as_array().unwrap().len(), 10);
    let (st, _) = s
        .post(
            "/api/separation/cancel",
            &[("api_token", PREMIUM), ("hash", &hashes[0])],
        )
        .await;
    assert_eq!(st, 200);
    let (_, u) = s.get(&format!("/api/app/user?api_token={PREMIUM}")).await;
    assert_eq!(u["data"]["premium_minutes"], 491);
}

#[tokio::test]
async fn mirror_remote_expiry_and_unknown_hashes() {
    let s = start(&["--queue", "0", "--expire-secs", "6"]).await;
    let (_, body) = s.create(Some(PREMIUM), "40", "m.wav", tone(1.0), &[]).await;
    let hash = body["data"]["hash"].as_str().unwrap().to_string();
    s.poll_until(&hash, "done", true).await;
    let (st, _) = s
        .get(&format!("/api/separation/get?hash={}&mirror=1", enc(&hash)))
        .await;
    assert_eq!(st, 401, "mirror needs the token");
    let (st, j) = s
        .get(&format!(
            "/api/separation/get?hash={}&mirror=1&api_token={PREMIUM}",
            enc(&hash)
        ))
        .await;
    assert_eq!(st, 200);
    assert!(j["data"]["files"][0]["url"]
        .as_str()
        .unwrap()
        .ends_with("?mirror=1"));
    let (_, u) = s.get(&format!("/api/app/user?api_token={PREMIUM}")).await;
    assert_eq!(
        u["data"]["premium_minutes"], 498,
        "1 for the job, 1 for the mirror"
    );
    let (_, r) = s
        .get(&format!("/api/separation/get-remote?hash={}", enc(&hash)))
        .await;
    assert_eq!(
        keys(&r["data"]),
        vec!["current_order", "hash", "link", "message", "queue_count"]
    );

    // A direct URL job fetched from a loopback address (the first job's input file).
    let input_url = s
        .get(&format!("/api/separation/get?hash={}", enc(&hash)))
        .await
        .1["data"]["input_file"]["url"]
        .as_str()
        .unwrap()
        .to_string();
    let (st, b) = s
        .post(
            "/api/separation/create",
            &[
                ("sep_type", "40"),
                ("url", &input_url),
                ("remote_type", "direct"),
            ],
        )
        .await;
    assert_eq!(st, 200, "{b}");
    // A short hash, as the real service answers a link: `get` does not know it yet...
    let short = b["data"]["hash"].as_str().unwrap();
    let (_, nf) = s
        .get(&format!("/api/separation/get?hash={}", enc(short)))
        .await;
    assert_eq!(nf["status"], "not_found");
    // ...`get-remote` says it is being downloaded, then names the real job.
    let seen = s.follow_link(short).await;
    assert_eq!(seen[0]["success"], false);
    assert!(seen[0]["data"]["message"]
        .as_str()
        .unwrap()
        .contains("being downloaded"));
    let last = seen.last().unwrap();
    assert_eq!(last["status"], "done");
    let real = last["data"]["hash"].as_str().unwrap();
    assert_ne!(real, short);
    s.poll_until(real, "done", true).await;
    let (_, b) = s
        .post(
            "/api/separation/create",
            &[
                ("sep_type", "40"),
                ("url", "https://mega.nz/file/x"),
                ("remote_type", "mega"),
            ],
        )
        .await;
    let seen = s.follow_link(b["data"]["hash"].as_str().unwrap()).await;
    let f = seen.last().unwrap();
    assert_eq!(f["status"], "failed");
    assert!(f["data"]["message"].as_str().unwrap().contains("Mega"));

    let (_, nf) = s.get("/api/separation/get?hash=nope").await;
    assert_eq!(nf, fixture("separation_get_not_found"));
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    let (_, gone) = s
        .get(&format!("/api/separation/get?hash={}", enc(&hash)))
        .await;
    assert_eq!(gone["status"], "not_found", "results expire");
}

#[tokio::test]
async fn queue_shape() {
    let s = start(&[]).await;
    let (_, q) = s.get("/api/app/queue").await;
    assert_eq!(
        keys(&q["queue"]),
        vec!["in_process", "premium", "registered", "unregistered"]
    );
    assert!(q.get("current").is_none());
    let (_, q) = s.get(&format!("/api/app/queue?api_token={FREE}")).await;
    assert_eq!(q["current"]["plan"], "registered");
    assert_eq!(q["free_separations"]["left"], 50);
    assert_eq!(q["free_separations"]["max"], 50);
}

#[tokio::test]
async fn quality_checker_board_entries_add_and_delete() {
    let s = start(&[]).await;
    let (_, b) = s
        .get("/api/quality_checker/leaderboard?dataset_type=1&start=0&limit=50&sort=bass")
        .await;
    assert_eq!(
        b["sortables"],
        json!(["vocals", "instrum", "bass", "drums", "other"])
    );
    assert_eq!(b["sort"], "bass");
    assert_eq!(b["data"].as_array().unwrap().len(), 50);
    assert!(b["total"].as_i64().unwrap() >= 500, "hundreds of rows");
    let bass: Vec<f64> = b["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sdr_bass"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(bass.windows(2).all(|w| w[0] >= w[1]), "highest first");
    let (_, p2) = s
        .get("/api/quality_checker/leaderboard?dataset_type=1&start=50&limit=50&sort=bass")
        .await;
    assert_ne!(p2["data"][0]["id"], b["data"][0]["id"]);
    let (_, f) = s
        .get("/api/quality_checker/leaderboard?dataset_type=1&limit=1000&algo_name_filter=roformer")
        .await;
    assert!(f["data"].as_array().unwrap().iter().all(|e| e["algo_name"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("roformer")));
    let (st, e) = s.get("/api/quality_checker/entry?id=999999").await;
    assert_eq!(
        (st, e),
        (400, json!({"data": {"message": "Job not found"}}))
    );

    let zip = b"PK\x03\x04rest-of-a-zip".to_vec();
    let form = reqwest::multipart::Form::new()
        .text("api_token", PREMIUM)
        .text("algo_name", "My Model")
        .text("main_text", "desc")
        .text("dataset_type", "2")
        .text("password", "pw")
        .text("ensemble", "0")
        .part(
            "zipfile",
            reqwest::multipart::Part::bytes(zip).file_name("out.zip"),
        );
    let (st, added) = s.post_form("/api/quality_checker/add", form).await;
    assert_eq!(st, 200);
    assert_eq!(
        keys(&added["data"]),
        keys(&fixture("postman_quality_checker_add_entry_200")["data"])
    );
    let id = added["data"]["id"].as_i64().unwrap();
    let (_, e) = s.get(&format!("/api/quality_checker/entry?id={id}")).await;
    assert_eq!(e["data"]["processed"], 0);
    let mut evaluated = false;
    for _ in 0..60 {
        let (_, e) = s.get(&format!("/api/quality_checker/entry?id={id}")).await;
        if e["data"]["processed"] == 1 {
            assert!(e["data"]["metrics"].as_str().unwrap().contains("SDR piano"));
            evaluated = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(evaluated);
    let (_, q) = s.get("/api/quality_checker/queue?start=0&limit=5").await;
    assert_eq!(q[0]["id"], id);
    let not_zip = reqwest::multipart::Form::new()
        .text("api_token", PREMIUM)
        .text("algo_name", "x")
        .text("dataset_type", "2")
        .text("password", "pw")
        .part(
            "zipfile",
            reqwest::multipart::Part::bytes(b"hello".to_vec()).file_name("x.zip"),
        );
    let (st, e) = s.post_form("/api/quality_checker/add", not_zip).await;
    assert_eq!(st, 400);
    assert!(e["message"]["zipfile"].is_array());
    let (st, e) = s
        .post(
            "/api/quality_checker/delete",
            &[("id", &id.to_string()), ("password", "wrong")],
        )
        .await;
    assert_eq!(st, 400);
    assert_eq!(e["data"]["message"], "Wrong password");
    let (st, e) = s
        .post(
            "/api/quality_checker/delete",
            &[("id", &id.to_string()), ("password", "pw")],
        )
        .await;
    assert_eq!(
        (st, e),
        (200, fixture("postman_quality_checker_delete_entry_200"))
    );
}
