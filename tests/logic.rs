#![cfg(not(target_arch = "wasm32"))]
//! The pure logic (src/logic): option forms over both recorded lists, cost, polling, batch.

mod common;
use common::fixture;
use mvsep_web::api::decode::decode;
use mvsep_web::api::models::{Algorithm, RemoteType, Status};
use mvsep_web::api::request::Envelope;
use mvsep_web::api::RawResponse;
use mvsep_web::catalog::list::{grouped, SortBy};
use mvsep_web::catalog::options::*;
use mvsep_web::results::files::{guess_remote, refusal, result_name};
use mvsep_web::state::job::polling::{backoff_ms, interval_ms, past_expiry, within_budget};
use mvsep_web::state::job::queue::{is_limit_refusal, next_to_send};
use mvsep_web::state::job::Phase;

fn list(name: &str) -> Vec<Algorithm> {
    decode(&RawResponse::new(200, fixture(name)), Envelope::Bare).unwrap()
}

fn alg(name: &str, id: i64) -> Algorithm {
    list(name).into_iter().find(|a| a.id == id).unwrap()
}

#[test]
fn fields_follow_name_order_with_defaults_and_keys_kept() {
    let a = alg("algorithms_2026_sample", 39);
    let f = fields(&a);
    assert_eq!(
        f.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
        ["add_opt1", "add_opt2", "add_opt3"]
    );
    let Control::Select(opts) = &f[0].control else {
        panic!()
    };
    let keys: Vec<&str> = opts.keys().collect();
    assert_eq!(
        keys[..3],
        ["3", "4", "5"],
        "server order, not numeric order"
    );
    assert_eq!(f[0].default.as_deref(), Some("81"));
    assert_eq!(f[1].help_link.as_deref(), Some("https://mvsep.com/faq/11"));
    let v = initial_values(&a, &vec![]);
    assert_eq!(value_of(&v, "add_opt2"), Some("2"));
}

#[test]
fn every_field_of_both_lists_builds_a_control_with_a_valid_default() {
    for name in ["postman_algorithms_200", "algorithms_2026_sample"] {
        for a in list(name) {
            let v = initial_values(&a, &vec![]);
            for f in fields(&a) {
                if let Control::Select(opts) = &f.control {
                    if !opts.is_empty() {
                        let d = value_of(&v, &f.name).unwrap();
                        assert!(opts.get(d).is_some(), "{} {}: {d}", a.name, f.name);
                    }
                }
            }
        }
    }
}

#[test]
fn text_fields_and_required() {
    let a = alg("algorithms_2026_sample", 118);
    let f = fields(&a);
    assert_eq!(f[0].control, Control::Textarea);
    let v = initial_values(&a, &vec![]);
    let errs = submission(&a, &v).unwrap_err();
    assert_eq!(errs[0].0, "add_opt1");
    let mut v = v;
    set_value(&mut v, "add_opt1", "  Hello there  ");
    let sent = submission(&a, &v).unwrap();
    assert_eq!(value_of(&sent, "add_opt1"), Some("Hello there"));
    assert!(
        value_of(&sent, "add_opt2").is_none(),
        "empty optional text is not sent"
    );
}

#[test]
fn conditions_show_and_hide_and_hidden_fields_are_not_sent() {
    // add_opt3 of BS Roformer is shown only when add_opt1 is "171".
    let a = alg("algorithms_2026_sample", 39);
    let mut v = initial_values(&a, &vec![]);
    assert!(!is_visible(&a, 132, &v));
    assert!(value_of(&submission(&a, &v).unwrap(), "add_opt3").is_none());
    set_value(&mut v, "add_opt1", "171");
    assert!(is_visible(&a, 132, &v));
    assert_eq!(
        value_of(&submission(&a, &v).unwrap(), "add_opt3"),
        Some("0")
    );
    // Overlap of BS PolarFormer is hidden when its model is "163".
    let p = alg("algorithms_2026_sample", 121);
    let mut v = initial_values(&p, &vec![]);
    assert_eq!(value_of(&v, "add_opt1"), Some("163"));
    assert!(!is_visible(&p, 129, &v));
    let other = fields(&p)[0].clone();
    let Control::Select(opts) = other.control else {
        panic!()
    };
    let k = opts.keys().find(|k| *k != "163").unwrap().to_string();
    set_value(&mut v, "add_opt1", &k);
    assert!(is_visible(&p, 129, &v));
}

#[test]
fn remembered_choices_apply_only_when_still_valid() {
    let a = alg("algorithms_2026_sample", 39);
    let v = initial_values(
        &a,
        &vec![
            ("add_opt2".into(), "8".into()),
            ("add_opt1".into(), "not-an-option".into()),
        ],
    );
    assert_eq!(value_of(&v, "add_opt2"), Some("8"));
    assert_eq!(value_of(&v, "add_opt1"), Some("81"));
}

#[test]
fn cost_uses_the_formula_and_price_rules() {
    assert_eq!(credits(10.0, 1.0, 1.0), 1);
    assert_eq!(credits(187.0, 1.0, 1.0), 3);
    assert_eq!(credits(187.0, 2.0, 1.0), 6);
    assert_eq!(credits(187.0, 1.0, 1.5), 5);
    let a = alg("algorithms_2026_sample", 39);
    let mut v = initial_values(&a, &vec![]);
    assert_eq!(price_multiplier(&a, &v), 1.0);
    set_value(&mut v, "add_opt2", "8");
    assert_eq!(price_multiplier(&a, &v), 2.0);
    // A hidden field's price does not count.
    let p = alg("algorithms_2026_sample", 121);
    let mut v = initial_values(&p, &vec![]);
    set_value(&mut v, "add_opt2", "8");
    assert_eq!(price_multiplier(&p, &v), 1.0);
}

#[test]
fn catalogue_groups_searches_and_sorts() {
    let algs = list("postman_algorithms_200");
    let all: usize = grouped(&algs, "", SortBy::Service, None)
        .iter()
        .map(|(_, v)| v.len())
        .sum();
    assert_eq!(all, 37, "the inactive one is not offered");
    let hits: Vec<String> = grouped(&algs, "karaoke", SortBy::Service, None)
        .into_iter()
        .flat_map(|(_, v)| v.into_iter().map(|a| a.name.clone()))
        .collect();
    assert_eq!(hits, vec!["MDX-B Karaoke (lead/back vocals)"]);
    let hits: usize = grouped(&algs, "piano", SortBy::Service, None)
        .iter()
        .map(|(_, v)| v.len())
        .sum();
    assert!(hits >= 2, "stems in the name count");
    let new = list("algorithms_2026_sample");
    let first = grouped(&new, "melband", SortBy::Service, None);
    assert_eq!(
        first[0].1[0].name, "MelBand Roformer (vocals, instrumental)",
        "a name match before a description match"
    );
    assert!(
        first
            .iter()
            .flat_map(|(_, v)| v)
            .any(|a| a.name.starts_with("Ensemble")),
        "description matches still listed"
    );
    let by_usage = grouped(&new, "", SortBy::Usage, None);
    let flat: Vec<i64> = by_usage
        .iter()
        .flat_map(|(_, v)| v.iter().map(|a| a.usage.unwrap_or(0)))
        .collect();
    assert_eq!(flat[0], *flat.iter().max().unwrap());
}

#[test]
fn polling_interval_and_backoff() {
    assert_eq!(interval_ms(Status::Waiting, Some(1)), 5000);
    assert_eq!(interval_ms(Status::Waiting, Some(7)), 14000);
    assert_eq!(interval_ms(Status::Waiting, Some(100)), 30000);
    assert!((3000..=5000).contains(&interval_ms(Status::Processing, None)));
    assert!(
        (3000..=5000).contains(&interval_ms(Status::Done, None)),
        "done without files keeps polling"
    );
    assert_eq!(backoff_ms(0, 0.0, None), 5000);
    assert_eq!(backoff_ms(3, 0.5, None), 20000);
    assert_eq!(backoff_ms(30, 1.0, None), 120000);
    assert_eq!(backoff_ms(0, 0.1, Some(42)), 42000, "Retry-After wins");
    // 12 a minute per job and 20 overall at most.
    let recent: Vec<f64> = (0..20).map(|i| i as f64 * 1000.0).collect();
    assert!(!within_budget(30_000.0, &recent, 20));
    assert!(within_budget(70_500.0, &recent, 20));
    // The fastest rule never exceeds 12 a minute per job.
    assert!(60_000 / interval_ms(Status::Processing, None) as usize <= 12);
    // Polling by itself ends past the service's 72 hours.
    let hour = 3_600_000.0;
    assert!(!past_expiry(0.0, 71.0 * hour));
    assert!(past_expiry(0.0, 73.0 * hour));
}

#[test]
fn batch_respects_the_parallel_limit() {
    let q = |p: Phase| (p, false);
    // Free plan: one at a time.
    assert_eq!(
        next_to_send(&[q(Phase::Queued), q(Phase::Queued)], Some(1)),
        Some(0)
    );
    assert_eq!(
        next_to_send(&[q(Phase::Uploading), q(Phase::Queued)], Some(1)),
        None
    );
    assert_eq!(
        next_to_send(&[q(Phase::Submitted), q(Phase::Queued)], Some(1)),
        None
    );
    assert_eq!(
        next_to_send(&[(Phase::Submitted, true), q(Phase::Queued)], Some(1)),
        Some(1)
    );
    assert_eq!(
        next_to_send(
            &[q(Phase::Interrupted), q(Phase::Refused), q(Phase::Queued)],
            Some(1)
        ),
        Some(2)
    );
    // A known limit of ten (as the service showed it by a refusal).
    let mut items: Vec<(Phase, bool)> = (0..9).map(|_| q(Phase::Submitted)).collect();
    items.push(q(Phase::Queued));
    items.push(q(Phase::Queued));
    assert_eq!(next_to_send(&items, Some(10)), Some(9));
    items[9].0 = Phase::Uploading;
    assert_eq!(next_to_send(&items, Some(10)), None);
    // Premium with no known limit: never fewer than the service allows (twenty running do not
    // stop the next), but no more than three uploads at once.
    let mut items: Vec<(Phase, bool)> = (0..20).map(|_| q(Phase::Submitted)).collect();
    items.push(q(Phase::Queued));
    assert_eq!(next_to_send(&items, None), Some(20));
    items.extend([q(Phase::Uploading), q(Phase::Uploading)]);
    assert_eq!(next_to_send(&items, None), Some(20));
    items.push(q(Phase::Uploading));
    assert_eq!(next_to_send(&items, None), None);
    assert!(is_limit_refusal(
        "You can run only 1 separation(s) at the same time. Wait until the current one finishes."
    ));
    assert!(!is_limit_refusal(
        "Seperation type is unavailable until you purchase premium membership"
    ));
}

#[test]
fn files_names_limits_and_sources() {
    assert_eq!(
        result_name(
            "My Song.flac",
            "Vocals",
            Some("x_vocals.wav"),
            "https://h/x_vocals.wav",
            false
        ),
        "My Song_vocals.wav"
    );
    assert_eq!(
        result_name(
            "My Song.flac",
            "Vocals",
            Some("x_vocals.wav"),
            "https://h/x.wav",
            true
        ),
        "x_vocals.wav"
    );
    assert_eq!(
        result_name(
            "a.mp3",
            "Instrumental (fullness 1)",
            None,
            "https://h/f.mp3?mirror=1",
            false
        ),
        "a_instrumental__fullness_1.mp3"
    );
    assert_eq!(guess_remote("https://mega.nz/file/abc"), RemoteType::Mega);
    assert_eq!(
        guess_remote("https://drive.google.com/file/d/x"),
        RemoteType::Drive
    );
    assert_eq!(
        guess_remote("https://www.dropbox.com/s/x/a.mp3?dl=0"),
        RemoteType::Dropbox
    );
    assert_eq!(
        guess_remote("https://example.org/a.mp3"),
        RemoteType::Direct
    );
    assert!(refusal("a.txt", 10.0, None, None, false)
        .unwrap()
        .contains("not an audio file"));
    assert!(refusal("a.mp3", 200e6, None, Some(true), false)
        .unwrap()
        .contains("free plan"));
    assert!(refusal("a.mp3", 200e6, None, Some(true), true).is_none());
    assert!(refusal("a.mp3", 1e6, Some(700.0), Some(true), false)
        .unwrap()
        .contains("10 minutes"));
    assert!(refusal("a.mp3", 1e6, None, Some(false), false)
        .unwrap()
        .contains("could not be read"));
}

#[test]
fn hash_names_follow_the_table_the_stand_in_runs_too() {
    use mvsep_web::state::job::{hash_name, made_from, slug};
    assert_eq!(
        hash_name("20240205144711-c46e6a674c-skylar-grey-im-coming-home.mp3"),
        "skylar-grey-im-coming-home.mp3"
    );
    let table: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/slug_cases.json").unwrap())
            .unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() > 10);
    for c in cases {
        let (file, want) = (c[0].as_str().unwrap(), c[1].as_str().unwrap());
        assert_eq!(slug(file), want, "{file}");
        assert!(
            made_from(&format!("20261125052140-f41de02339-{want}"), file),
            "{file}"
        );
    }
    // A number the service adds to a repeated name still matches; another name does not.
    assert!(made_from(
        "20240206094315-fb58a4ed91-haliene-dream-in-color-0.mp3",
        "HALIENE - Dream in Color.mp3"
    ));
    assert!(!made_from(
        "20240206094315-fb58a4ed91-haliene-dream-in-color-remix.mp3",
        "HALIENE - Dream in Color.mp3"
    ));
    assert!(!made_from(
        "20240206094315-fb58a4ed91-haliene-dream-in-color.wav",
        "HALIENE - Dream in Color.mp3"
    ));
    assert!(!made_from(
        "20261125052140-f41de02339-my-song.wav",
        "my song 2.wav"
    ));
}

#[test]
fn the_free_and_plan_lines_say_what_the_plan_allows() {
    use mvsep_web::pages::separate::cost::{free_line, plan_line};
    assert_eq!(
        free_line((3, 50), 2, false),
        "3 free separations left today (of 50)."
    );
    assert!(free_line((3, 50), 4, false).starts_with("Only 3 free separations are left today"));
    assert_eq!(
        free_line((0, 50), 4, true),
        "",
        "premium spends no free separations"
    );
    assert!(plan_line(Some(1)).starts_with("Your plan runs 1 job at a time"));
    assert!(plan_line(None).starts_with("Premium runs as many jobs at once as the service allows"));
}

#[test]
fn the_cost_line_says_the_cost_and_whether_the_balance_is_spent() {
    use mvsep_web::pages::separate::cost::{cost, cost_line, Songs};
    assert_eq!(cost(Some(125.0), (1.0, 1.0)), Some(2));
    assert_eq!(cost(None, (1.0, 1.0)), None);
    let files = |credits, some_unknown| Songs::Files {
        credits,
        some_unknown,
    };
    assert_eq!(
        cost_line(files(1, false), Some(500), true),
        "About 1 credit; your balance is 500."
    );
    assert_eq!(
        cost_line(files(9, true), Some(3), false),
        "About 9 credits (some lengths unknown). Credits are charged only with premium use on (balance 3)."
    );
    assert_eq!(
        cost_line(Songs::Link, None, false),
        "A link's cost is known once the service reads it."
    );
    assert_eq!(
        cost_line(Songs::None, None, true),
        "Add songs to see what they cost."
    );
    assert_eq!(
        cost_line(Songs::Link, Some(7), true),
        "A link's cost is known once the service reads it; your balance is 7."
    );
}

#[test]
fn search_folds_case_in_latin_and_cyrillic_as_people_type() {
    use mvsep_web::catalog::fold::{fold, fold_char};
    assert_eq!(fold("MelBand RoFormer"), "melband roformer");
    assert_eq!(fold("ВОКАЛ и Ёлка"), "вокал и ёлка");
    assert_eq!(fold("ÉCOUTE ÀÖØÞ"), "écoute àöøþ");
    // Not letters of those scripts: as they are (× is not a letter; Chinese has no case).
    assert_eq!(fold("×人声 ß 12"), "×人声 ß 12");
    assert_eq!(fold("ŁÓDŹ ŠKODA Ÿ"), "łódź škoda ÿ");
    assert_eq!(fold("ΦΩΝΉ Άλφα"), "φωνή άλφα");
    // One way: the same as the standard library's lower case wherever it folds.
    for c in ('\u{0}'..='\u{4FF}').filter(|c| fold_char(*c) != *c) {
        assert_eq!(
            c.to_lowercase().collect::<String>(),
            fold_char(c).to_string(),
            "{c}"
        );
    }
    // The other: wherever the standard library folds a letter of those scripts to one letter,
    // so does the search.
    let scripts = [
        '\u{0}'..='\u{17F}',
        '\u{386}'..='\u{3AB}',
        '\u{400}'..='\u{45F}',
    ];
    for c in scripts.into_iter().flatten() {
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            assert_eq!(fold_char(c), l, "{c} (U+{:04X})", c as u32);
        }
    }
}

#[test]
fn the_hand_sort_orders_as_the_standard_stable_sort_does() {
    // Pairs (key, original position): equal keys must keep their order.
    let mut seed = 7u64;
    for len in [0usize, 1, 2, 5, 40, 130] {
        let v: Vec<(u64, usize)> = (0..len)
            .map(|i| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((seed >> 33) % 7, i)
            })
            .collect();
        let mut ours = v.clone();
        mvsep_web::order::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = v.clone();
        std.sort_by_key(|a| a.0);
        assert_eq!(ours, std, "{len} items");
    }
}
