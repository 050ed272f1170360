//! The mixer's keys: Space play/pause, ←/→ 5 s, Home, 1–9 mute, Shift+1–9 solo, L loop, A/B
//! loop ends, T says the time, [ / ] slower or faster, { / } a semitone lower or higher, = as
//! recorded, + / - / 0 zoom in, out, the whole song, M a marker, , / . the marker before or
//! after, ? help.

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyAction {
    PlayPause,
    Seek(f64),
    Start,
    Mute(usize),
    Solo(usize),
    /// Solo this stem alone.
    SoloOnly(usize),
    Loop,
    SetA,
    SetB,
    SayTime,
    /// Between this result and the one it is compared with.
    SwitchAb,
    /// The tempo this much slower or faster; `None`: tempo and key as recorded.
    Tempo(Option<f64>),
    /// The key this many semitones higher or lower.
    Transpose(f64),
    /// The lanes this many times closer (`None`: the whole song).
    Zoom(Option<f64>),
    /// A marker at the playhead.
    Mark,
    /// To the next marker (true) or the one before.
    Jump(bool),
    Help,
}

/// The action for a key press (`key` and `code` as the browser names them), if any.
pub fn action(key: &str, code: &str, shift: bool, alt: bool) -> Option<KeyAction> {
    // Shift+1 types "!" on most layouts: the digit comes from `code`.
    if let Some(d) = code
        .strip_prefix("Digit")
        .or_else(|| code.strip_prefix("Numpad"))
        .and_then(|d| d.parse::<usize>().ok())
        .filter(|d| (1..=9).contains(d))
    {
        return Some(if shift && alt {
            KeyAction::SoloOnly(d - 1)
        } else if shift {
            KeyAction::Solo(d - 1)
        } else {
            KeyAction::Mute(d - 1)
        });
    }
    Some(match key {
        " " | "Spacebar" => KeyAction::PlayPause,
        "ArrowLeft" => KeyAction::Seek(-5.0),
        "ArrowRight" => KeyAction::Seek(5.0),
        "Home" => KeyAction::Start,
        "l" | "L" => KeyAction::Loop,
        "a" | "A" => KeyAction::SetA,
        "b" | "B" => KeyAction::SetB,
        "t" | "T" => KeyAction::SayTime,
        "x" | "X" => KeyAction::SwitchAb,
        "[" => KeyAction::Tempo(Some(-0.05)),
        "]" => KeyAction::Tempo(Some(0.05)),
        "=" => KeyAction::Tempo(None),
        "{" => KeyAction::Transpose(-1.0),
        "}" => KeyAction::Transpose(1.0),
        "+" => KeyAction::Zoom(Some(2.0)),
        "-" => KeyAction::Zoom(Some(0.5)),
        "0" => KeyAction::Zoom(None),
        "m" | "M" => KeyAction::Mark,
        "," => KeyAction::Jump(false),
        "." => KeyAction::Jump(true),
        "?" => KeyAction::Help,
        _ => return None,
    })
}

use crate::i18n::k;

/// The help the `?` key shows, one line per key.
pub const HELP: &[(&str, &str)] = &[
    (k("Space"), k("play or pause")),
    ("← / →", k("back or forward 5 seconds")),
    (k("Home"), k("back to the start")),
    ("1–9", k("mute or unmute stem 1–9")),
    ("Shift + 1–9", k("solo stem 1–9 (adds to the soloed stems)")),
    ("Alt + Shift + 1–9", k("solo only stem 1–9")),
    ("L", k("loop on or off")),
    ("A / B", k("set the loop's start or end at the playhead")),
    ("T", k("say where the playhead is")),
    ("X", k("switch between A and B when comparing two results")),
    (
        "[ / ]",
        k("slower or faster, the pitch kept (where the tempo can be changed)"),
    ),
    (
        "{ / }",
        k("a semitone lower or higher, the tempo kept (where the key can be changed)"),
    ),
    ("=", k("the tempo and key as recorded")),
    ("+ / − / 0", k("zoom in, out, or the whole song")),
    ("M", k("a marker at the playhead")),
    (", / .", k("to the marker before or after")),
    ("?", k("show or hide this help")),
];
