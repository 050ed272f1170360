//! The quality checker's datasets and the seeded boards: the same entries and scores on every
//! start (a small deterministic generator).

use std::time::{Duration, Instant};

use crate::world::QcEntry;

/// (dataset type, name, stems, seeded entries)
pub const DATASETS: [(i64, &str, &[&str], usize); 12] = [
    (0, "Synth", &["vocals", "instrum"], 450),
    (
        1,
        "Multi",
        &["vocals", "instrum", "bass", "drums", "other"],
        1000,
    ),
    (2, "Piano", &["piano", "other"], 60),
    (3, "Lead/Back Vocals", &["lead", "back"], 50),
    (4, "Guitar", &["guitar", "other"], 80),
    (5, "Medley Vox", &["singer1", "singer2"], 30),
    (6, "Strings", &["strings", "other"], 40),
    (7, "Wind", &["wind", "other"], 35),
    (8, "DNR v3 Test", &["speech", "music", "effects"], 45),
    (9, "Super Resolution Checker for Music", &["restored"], 25),
    (
        10,
        "Drums Separation (5 stems)",
        &["kick", "snare", "toms", "hh", "cymbals"],
        40,
    ),
    (11, "Male/Female vocals separation", &["male", "female"], 30),
];

const MODELS: [&str; 12] = [
    "BS Roformer",
    "MelBand Roformer",
    "SCNet XL",
    "MDX23C",
    "Demucs4 HT",
    "HTDemucs FT",
    "VitLarge23",
    "UVR-MDX-NET",
    "BandIt Plus",
    "Apollo",
    "MDX-B Karaoke",
    "DrumSep",
];

pub fn dataset(t: i64) -> Option<&'static (i64, &'static str, &'static [&'static str], usize)> {
    DATASETS.iter().find(|d| d.0 == t)
}

/// A small deterministic generator, so seeded boards are the same on every start.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub fn metrics_for(id: i64, stems: &[&str]) -> Vec<(String, f64)> {
    let mut r = Lcg(id as u64 * 7919 + 13);
    let quality = r.next();
    stems
        .iter()
        .map(|s| {
            let base = match *s {
                "instrum" | "music" => 14.0,
                "bass" => 9.0,
                "drums" | "kick" => 10.0,
                _ => 6.0,
            };
            let v = base + quality * 8.0 + r.next() * 1.5;
            // The service sometimes stores broken values (0, -1000) for a stem.
            let roll = r.next();
            let v = if roll < 0.01 {
                -1000.0
            } else if roll < 0.02 {
                0.0
            } else {
                (v * 10000.0).round() / 10000.0
            };
            (s.to_string(), v)
        })
        .collect()
}

pub fn seed() -> Vec<QcEntry> {
    let mut out = Vec::new();
    let mut id = 1;
    let mut r = Lcg(42);
    for (t, _, stems, n) in DATASETS {
        for k in 0..n {
            let model = MODELS[(r.next() * MODELS.len() as f64) as usize % MODELS.len()];
            let ensemble = r.next() < 0.2;
            let name = if ensemble {
                format!("Ensemble {model} + {}", MODELS[k % MODELS.len()])
            } else {
                format!("{model} v{}.{}", 1 + k % 7, k % 10)
            };
            let day = 1 + (k * 37 + t as usize * 11) % 28;
            let month = 1 + (k * 7 + t as usize) % 12;
            out.push(QcEntry {
                id,
                algo_name: name,
                main_text: format!("Seeded entry {k} for dataset {t}"),
                dataset_type: t,
                ensemble,
                date: format!("{}-{month:02}-{day:02} 12:00:00", 2023 + (k % 3)),
                password: "seeded".into(),
                created: Instant::now() - Duration::from_secs(86400),
                metrics: Some(metrics_for(id, stems)),
                message: "Processed".into(),
            });
            id += 1;
        }
    }
    out
}
