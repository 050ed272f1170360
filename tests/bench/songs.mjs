// Songs made at a known tempo and key (drums, bass, chords, a melody), for the analysis's
// benchmark (analysis.mjs) and the mixer's end-to-end tests.

export const RATE = 11025;
export const SECS = 30;

/** A seeded random number generator (mulberry32), so every run makes the same songs. */
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hz = (midi) => 440 * 2 ** ((midi - 69) / 12);

/** A song at `bpm` in `tonic` (0 = C) major or minor: mono samples at RATE. */
export function makeSong(bpm, tonic, minor, seed, secs = SECS, lead = null) {
  const rnd = random(seed);
  const x = new Float32Array(RATE * secs);
  const beat = 60 / bpm;
  lead = lead ?? rnd() * beat;
  const add = (t0, len, f) => {
    const a = Math.max(0, Math.round(t0 * RATE)), b = Math.min(x.length, Math.round((t0 + len) * RATE));
    for (let i = a; i < b; i++) x[i] += f((i - a) / RATE);
  };
  const scale = minor ? [0, 2, 3, 5, 7, 8, 11] : [0, 2, 4, 5, 7, 9, 11];
  // Chords by scale degree: major I V vi IV; minor i VI iv V (with the raised seventh).
  const degrees = minor ? [0, 5, 3, 4] : [0, 4, 5, 3];
  const triad = (d) => [0, 2, 4].map((s) => scale[(d + s) % 7] + 12 * Math.floor((d + s) / 7));
  const tone = (f, amp, decay) => (t) => amp * Math.exp(-t / decay) *
    (Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(4 * Math.PI * f * t) + 0.25 * Math.sin(6 * Math.PI * f * t));
  for (let n = 0, t = lead; t < secs; n++, t += beat) {
    const bar = Math.floor(n / 4), inBar = n % 4;
    const chord = triad(degrees[bar % 4]);
    // Kick on 1 and 3, snare on 2 and 4, hats on every eighth.
    if (inBar % 2 === 0) add(t, 0.2, (s) => 0.9 * Math.exp(-s / 0.05) * Math.sin(2 * Math.PI * (50 + 60 * Math.exp(-s / 0.03)) * s));
    else add(t, 0.15, (s) => 0.5 * Math.exp(-s / 0.04) * (rnd() * 2 - 1));
    for (const h of [0, 0.5]) add(t + h * beat, 0.04, (s) => 0.12 * Math.exp(-s / 0.01) * (rnd() * 2 - 1));
    // The bass plays the chord's root on the beat; the chord sounds through the bar.
    add(t, beat * 0.9, tone(hz(36 + tonic + chord[0]), 0.35, 0.4));
    if (inBar === 0) for (const c of chord) add(t, beat * 4, tone(hz(60 + tonic + c), 0.12, 1.5));
    // A melody on the scale, a note a beat.
    const note = scale[Math.floor(rnd() * 7)];
    add(t, beat * 0.8, tone(hz(72 + tonic + note), 0.1, 0.3));
  }
  return x;
}
