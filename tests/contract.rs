#![cfg(not(target_arch = "wasm32"))]
//! Every recorded body decodes into its model through the same path the app uses.

mod common;
use common::{ok, with_status};
use mvsep_web::api::decode::decode;
use mvsep_web::api::endpoints::{self as ep, BoardQuery, QcSubmission};
use mvsep_web::api::models::*;
use mvsep_web::api::ApiError;

#[test]
fn algorithms_2024_list_decodes() {
    let req = ep::algorithms(None);
    let list: Vec<Algorithm> = decode(&ok("postman_algorithms_200"), req.envelope).unwrap();
    assert_eq!(list.len(), 38);
    assert!(list.iter().any(|a| !a.is_active), "one entry is inactive");
    // render_id is not unique in this list: keyed by id.
    let ones = list.iter().filter(|a| a.render_id == 1).count();
    assert_eq!(ones, 2);
    let ids: std::collections::HashSet<_> = list.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), list.len());
}

#[test]
fn algorithms_2026_sample_decodes_newer_schema() {
    let req = ep::algorithms(Some(Scope::SingleUpload));
    let list: Vec<Algorithm> = decode(&ok("algorithms_2026_sample"), req.envelope).unwrap();
    assert_eq!(list.len(), 6);
    let ens = list.iter().find(|a| a.id == 27).unwrap();
    assert_eq!(ens.group_name(), "Ensembles");
    assert_eq!(ens.rating.as_ref().unwrap().average, Some(4.25));
    assert_eq!(ens.usage, Some(8567));
    assert_eq!(ens.audience(), Audience::Premium);
    assert_eq!(ens.stem_labels(), vec!["Vocals", "Other"]);
    let bs = list.iter().find(|a| a.id == 39).unwrap();
    let overlap = bs.algorithm_fields.iter().find(|f| f.id == 127).unwrap();
    assert_eq!(overlap.price_rules[0].option_key, "8");
    assert_eq!(overlap.price_rules[0].value, 2.0);
    assert_eq!(
        overlap.help_link.as_deref(),
        Some("https://mvsep.com/faq/11")
    );
    let stems = bs.algorithm_fields.iter().find(|f| f.id == 132).unwrap();
    assert_eq!(stems.conditions[0].depends_on_field_id, 25);
    assert_eq!(stems.conditions[0].values(), vec!["171"]);
    assert_eq!(stems.conditions[0].action.as_deref(), Some("show"));
    let tts = list.iter().find(|a| a.id == 118).unwrap();
    assert!(tts
        .algorithm_fields
        .iter()
        .any(|f| f.input_type.as_deref() == Some("textarea")));
    assert!(tts.algorithm_fields.iter().any(|f| f.required));
    assert!(tts.algorithm_fields.iter().any(|f| !f.required));
}

#[test]
fn fields_sort_by_their_number_not_their_order() {
    let list: Vec<Algorithm> =
        decode(&ok("algorithms_2026_sample"), ep::algorithms(None).envelope).unwrap();
    for a in &list {
        let names: Vec<u32> = a.sorted_fields().iter().map(|f| f.number()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "{}", a.name);
    }
    let ens = list.iter().find(|a| a.id == 27).unwrap();
    assert_eq!(ens.algorithm_fields[0].name, "add_opt2", "arrives unsorted");
    assert_eq!(ens.sorted_fields()[0].name, "add_opt1");
}

#[test]
fn descriptions_pick_the_language() {
    let list: Vec<Algorithm> =
        decode(&ok("algorithms_2026_sample"), ep::algorithms(None).envelope).unwrap();
    let ens = list.iter().find(|a| a.id == 27).unwrap();
    assert_eq!(
        ens.description_in("ru").unwrap().lang.as_deref(),
        Some("ru")
    );
    assert_eq!(
        ens.description_in("en").unwrap().lang.as_deref(),
        Some("en")
    );
    assert_eq!(
        ens.description_in("xx").unwrap().lang.as_deref(),
        Some("en")
    );
    assert!(ens
        .description_in("en")
        .unwrap()
        .long_description
        .as_deref()
        .unwrap()
        .contains('<'));
}

#[test]
fn job_waiting_decodes() {
    let job: Job = decode(
        &ok("postman_separation_get_waiting_200"),
        ep::get_job("h", false, None).envelope,
    )
    .unwrap();
    assert_eq!(job.status, Status::Waiting);
    assert_eq!(
        (job.data.current_order, job.data.queue_count),
        (Some(2), Some(3))
    );
}

#[test]
fn job_done_without_files_has_not_ended() {
    let job: Job = decode(
        &ok("postman_separation_get_done_devserver_200"),
        ep::get_job("h", false, None).envelope,
    )
    .unwrap();
    assert_eq!(job.status, Status::Done);
    assert!(!job.has_ended(), "done without files is polled on");
    assert_eq!(job.data.output_format.as_deref(), Some("mp3 (320 kbps)"));
    assert!(job.data.tags.is_some());
    assert_eq!(
        job.data.input_file.unwrap().size.as_deref(),
        Some("5.70 MB")
    );
    assert_eq!(job.data.date.as_deref(), Some("2024-01-19 12:40:25"));
}

#[test]
fn job_done_with_files_decodes_files() {
    let job: Job = decode(
        &ok("testliteral_ablevsep_separation_get_done_files"),
        ep::get_job("h", false, None).envelope,
    )
    .unwrap();
    assert!(job.has_ended());
    let f = &job.data.files[0];
    assert_eq!(
        (f.stem.as_str(), f.download.as_deref(), f.size.as_deref()),
        ("Bass", Some("song_bass.wav"), Some("1.3 MB"))
    );
}

#[test]
fn job_not_found_is_a_state_not_an_error() {
    let job: Job = decode(
        &ok("separation_get_not_found"),
        ep::get_job("h", false, None).envelope,
    )
    .unwrap();
    assert_eq!(job.status, Status::NotFound);
    assert!(!job.success);
    assert_eq!(
        job.data.message.as_deref(),
        Some("File or File Hash not found")
    );
}

#[test]
fn login_decodes_with_null_token() {
    let user: User = decode(&ok("postman_login_200"), ep::login("a", "b").envelope).unwrap();
    assert_eq!(user.api_token, None);
    assert_eq!(user.premium_minutes, Some(54));
    assert!(user.premium_enabled && user.long_filenames_enabled);
    assert_eq!(user.parallel_limit(), None, "premium: the service tells");
}

#[test]
fn user_endpoint_decodes_documented_body() {
    let body = r#"{"success":true,"data":{"name":"Ann","email":"a@b.c","api_token":"tok","premium_minutes":"120","premium_enabled":0,"long_filenames_enabled":"1","current_queue":[]}}"#;
    let user: User = decode(
        &mvsep_web::api::RawResponse::new(200, body),
        ep::user("t").envelope,
    )
    .unwrap();
    assert_eq!(user.premium_minutes, Some(120));
    assert!(!user.premium_enabled && user.long_filenames_enabled);
    assert_eq!(user.parallel_limit(), Some(1));
}

#[test]
fn register_and_switches_decode_top_level_message() {
    let n: Notice = decode(
        &ok("postman_register_200"),
        ep::register("n", "e", "p", "p").envelope,
    )
    .unwrap();
    assert!(n.message.unwrap().contains("verification email"));
    for (name, req) in [
        (
            "postman_profile_enable_premium_200",
            ep::set_premium("t", true),
        ),
        (
            "postman_profile_disable_premium_200",
            ep::set_premium("t", false),
        ),
        (
            "postman_profile_enable_long_filenames_200",
            ep::set_long_filenames("t", true),
        ),
        (
            "postman_profile_disable_long_filenames_200",
            ep::set_long_filenames("t", false),
        ),
    ] {
        let n: Notice = decode(&ok(name), req.envelope).unwrap();
        assert!(n.success, "{name}");
        assert!(n.message.unwrap().starts_with("successfully"), "{name}");
    }
}

#[test]
fn history_decodes_both_pages() {
    let page: Vec<HistoryEntry> = decode(
        &ok("postman_profile_separation_history_200"),
        ep::history("t", 0, 20).envelope,
    )
    .unwrap();
    assert!(!page.is_empty());
    let page2: Vec<HistoryEntry> = decode(
        &ok("postman_profile_separation_history_200_2"),
        ep::history("t", 1, 2).envelope,
    )
    .unwrap();
    assert_eq!(page2.len(), 2);
    assert!(
        page2[0].job_exists && page2[0].time_left.unwrap() < 0,
        "negative time_left while job_exists"
    );
    assert_eq!(page2[0].credits, Some(2.0));
    assert_eq!(page2[0].algorithm.as_ref().unwrap().render_id, Some(20));
}

#[test]
fn news_decodes_in_both_languages() {
    let ru: Vec<NewsItem> = decode(&ok("postman_news_200"), ep::news("ru", 2, 1).envelope).unwrap();
    assert_eq!(ru[0].lang.as_deref(), Some("ru"));
    assert_eq!(ru[0].id, "33");
    let en: Vec<NewsItem> =
        decode(&ok("postman_news_200_2"), ep::news("en", 0, 10).envelope).unwrap();
    assert_eq!(en.len(), 10);
    assert!(en.iter().all(|n| n.text.contains('<')));
}

#[test]
fn demo_decodes() {
    let demos: Vec<Demo> = decode(&ok("postman_demo_200"), ep::demo(0, 2).envelope).unwrap();
    assert_eq!(demos.len(), 2);
    assert_eq!(demos[0].date.as_deref(), Some("2024-05-14 12:35"));
    assert_eq!(demos[1].algorithm.as_ref().unwrap().orientation, Some(1));
}

#[test]
fn queue_decodes_documented_shape() {
    let body = r#"{"queue":{"in_process":"12","premium":3,"registered":7,"unregistered":20},"plan":{"plan":"free","queue":2}}"#;
    let q: SiteQueue = decode(
        &mvsep_web::api::RawResponse::new(200, body),
        ep::queue(None).envelope,
    )
    .unwrap();
    assert_eq!(q.queue.in_process, Some(12));
    assert_eq!(q.plan.unwrap().plan.as_deref(), Some("free"));
}

/// The queue's answer read from `body`.
fn read(body: &str) -> SiteQueue {
    decode(
        &mvsep_web::api::RawResponse::new(200, body),
        ep::queue(None).envelope,
    )
    .unwrap()
}

#[test]
fn queue_in_other_shapes_leaves_parts_empty_and_never_fails() {
    let q = read(
        r#"{"queue":{"in_process":"x","premium":null,"registered":7.5,"unregistered":" 4 "},"plan":"free"}"#,
    );
    assert_eq!(q.queue.in_process, None);
    assert_eq!(q.queue.premium, None);
    assert_eq!(q.queue.registered, None, "not a whole number");
    assert_eq!(q.queue.unregistered, Some(4));
    assert_eq!(q.plan, None, "a plan that is not an object is left out");
    assert_eq!(read(r#"{"queue":[1,2]}"#), SiteQueue::default());
    assert_eq!(read("{}"), SiteQueue::default());
}

#[test]
fn the_2026_queue_names_the_plan_current_and_counts_free_separations() {
    let q = read(
        r#"{"queue":{"in_process":12,"registered":3,"unregistered":9},"current":{"plan":"free","queue":2},"free_separations":{"left":"47","max":50}}"#,
    );
    let plan = q.plan.unwrap();
    assert_eq!(plan.plan.as_deref(), Some("free"));
    assert_eq!(plan.queue, Some(2));
    assert_eq!(q.free, Some((47, 50)));
    // The plan's queue as text is read as its number (not shown in quotes); not a number, none.
    let queue = |v: &str| {
        read(&format!(r#"{{"current":{{"plan":"free","queue":{v}}}}}"#))
            .plan
            .unwrap()
            .queue
    };
    assert_eq!(queue(r#"" 3 ""#), Some(3));
    assert_eq!(queue(r#"{"n":3}"#), None);
    // Odd counts: a negative left is none left; a missing or zero max says nothing.
    assert_eq!(
        read(r#"{"free_separations":{"left":-1,"max":50}}"#).free,
        Some((0, 50))
    );
    assert_eq!(read(r#"{"free_separations":{"left":3}}"#).free, None);
    assert_eq!(
        read(r#"{"free_separations":{"left":0,"max":0}}"#).free,
        None
    );
    assert_eq!(read(r#"{"free_separations":"50"}"#).free, None);
}

#[test]
fn create_and_quality_checker_decode() {
    let created: Created = decode(
        &mvsep_web::api::RawResponse::new(
            200,
            r#"{"success":true,"data":{"link":"https://mvsep.com/result/x","hash":"2024-x.mp3"}}"#,
        ),
        ep::create_from_file(None, &JobOptions::default(), ep::SONG).envelope,
    )
    .unwrap();
    assert_eq!(created.hash, "2024-x.mp3");
    let sub = QcSubmission {
        algo_name: "a",
        main_text: "b",
        dataset_type: 1,
        password: "p",
        ensemble: false,
    };
    let added: QcCreated = decode(
        &ok("postman_quality_checker_add_entry_200"),
        ep::qc_add("t", &sub).envelope,
    )
    .unwrap();
    assert_eq!(added.id, 7772);
    let del: Notice = decode(
        &ok("postman_quality_checker_delete_entry_200"),
        ep::qc_delete(1, "p").envelope,
    )
    .unwrap();
    assert_eq!(del.message.as_deref(), Some("successfully deleted"));
    let board = r#"{"data":[{"id":"5","algo_name":"BS Roformer","dataset_type":1,"ensemble":0,"date":"2025-01-01 00:00:00","sdr_vocals":"11.2","metrics":null}],"dataset_type":1,"sortables":["vocals","instrum"],"sort":"vocals"}"#;
    let lb: Leaderboard = decode(
        &mvsep_web::api::RawResponse::new(200, board),
        ep::qc_leaderboard(&BoardQuery::default()).envelope,
    )
    .unwrap();
    assert_eq!(lb.data[0].id, 5);
    assert_eq!(lb.sortables, vec!["vocals", "instrum"]);
    assert_eq!(lb.data[0].extra["sdr_vocals"], "11.2");
    let entry = r#"{"success":true,"data":{"id":9,"algo_name":"x","main_text":"d","dataset_type":"2","ensemble":1,"processed":1,"metrics":"SDR piano: 7.1"}}"#;
    let e: QcEntry = decode(
        &mvsep_web::api::RawResponse::new(200, entry),
        ep::qc_entry(9).envelope,
    )
    .unwrap();
    assert!(e.ensemble);
    assert_eq!(e.dataset_type, Some(2));
    let queue: Vec<QcEntry> = decode(
        &mvsep_web::api::RawResponse::new(200, "[]"),
        ep::qc_queue(0, 10).envelope,
    )
    .unwrap();
    assert!(queue.is_empty());
    let unknown = ApiError::Server {
        status: 400,
        message: "Job not found".into(),
    };
    assert_eq!(
        decode::<QcEntry>(
            &mvsep_web::api::RawResponse::new(400, r#"{"data":{"message":"Job not found"}}"#),
            ep::qc_entry(1).envelope
        ),
        Err(unknown)
    );
}

#[test]
fn cancel_and_remote_decode() {
    let n: Notice = decode(
        &mvsep_web::api::RawResponse::new(200, r#"{"success":true,"message":"Cancelled"}"#),
        ep::cancel("t", "h").envelope,
    )
    .unwrap();
    assert!(n.success);
    let body = r#"{"success":true,"status":"waiting","data":{"queue_count":5,"current_order":1,"message":"","link":"l","hash":"h"}}"#;
    let j: Job = decode(
        &mvsep_web::api::RawResponse::new(200, body),
        ep::get_remote("h").envelope,
    )
    .unwrap();
    assert_eq!(j.data.hash.as_deref(), Some("h"));
}

#[test]
fn failure_bodies_give_the_servers_words() {
    let e = decode::<User>(
        &with_status(400, "postman_login_400"),
        ep::login("", "").envelope,
    )
    .unwrap_err();
    assert_eq!(
        e.field_errors("email"),
        vec!["The email field is required."]
    );
    assert_eq!(
        e.field_errors("password"),
        vec!["The password field is required."]
    );
    assert!(e
        .to_string()
        .contains("email: The email field is required."));

    let e = decode::<Created>(
        &with_status(400, "testliteral_ablevsep_premium_gate_400"),
        ep::create_from_file(None, &JobOptions::default(), ep::SONG).envelope,
    )
    .unwrap_err();
    assert_eq!(
        e,
        ApiError::Server {
            status: 400,
            message: "Seperation type is unavailable until you purchase premium membership".into()
        }
    );
}
