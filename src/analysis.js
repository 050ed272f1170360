// The song's tempo and key, worked out off the page's thread: a module Worker the mixer starts
// with its stems' WAV files (src/mixer/audio/analysis.rs), also imported by
// tests/bench/analysis.mjs, which measures it on songs made at known tempos and keys.
// Tempo: an onset envelope (spectral flux), its autocorrelation scored at each beat period and
// the period's multiples, then refined over many beats. Key: the song's chroma matched to
// Krumhansl and Kessler's 24 key profiles. Either is null when the song does not show one.

/** Samples are mixed down to mono at about this rate (enough for onsets and pitch classes). */
const ANALYSIS_RATE = 11025;

/** In-place radix-2 FFT of (re, im), length a power of two. */
function fft(re, im) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len, wr = Math.cos(ang), wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1, ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k, b = a + len / 2;
        const tr = re[b] * cr - im[b] * ci, ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr; im[b] = im[a] - ti;
        re[a] += tr; im[a] += ti;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr; cr = nr;
      }
    }
  }
}

/** Calls `each(magnitudes)` for every frame of `n` samples, `hop` apart, Hann-windowed. */
function stft(x, n, hop, each) {
  const win = Float32Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
  const re = new Float64Array(n), im = new Float64Array(n), mag = new Float32Array(n / 2);
  for (let at = 0; at + n <= x.length; at += hop) {
    for (let i = 0; i < n; i++) { re[i] = x[at + i] * win[i]; im[i] = 0; }
    fft(re, im);
    for (let k = 0; k < n / 2; k++) mag[k] = Math.hypot(re[k], im[k]);
    each(mag);
  }
}

/** Onset strength per frame: the rise of the log spectrum, less its local mean; over the whole
 * spectrum, and below 400 Hz (where the beat's kick and bass are, and an offbeat's hats not). */
function onsets(x, rate) {
  const n = 512, hop = 128, fps = rate / hop, low = Math.round((400 * n) / rate);
  const all = [], bass = [];
  let prev = null;
  stft(x, n, hop, (mag) => {
    const cur = mag.map((m) => Math.log1p(100 * m));
    let flux = 0, under = 0;
    if (prev) {
      for (let k = 1; k < cur.length; k++) {
        const rise = Math.max(0, cur[k] - prev[k]);
        flux += rise;
        if (k < low) under += rise;
      }
    }
    all.push(flux);
    bass.push(under);
    prev = cur;
  });
  // A frame's rise is strongest when the onset is at its middle: that is its time.
  return { env: lessMean(Float32Array.from(all), fps), low: lessMean(Float32Array.from(bass), fps), fps, offset: n / 2 / rate };
}

/** The envelope less its mean over the half second around each frame, never below 0. */
function lessMean(env, fps) {
  const w = Math.round(fps * 0.25);
  const mean = new Float32Array(env.length);
  let sum = 0;
  for (let i = 0; i < env.length + w; i++) {
    if (i < env.length) sum += env[i];
    if (i - 2 * w - 1 >= 0) sum -= env[i - 2 * w - 1];
    const c = i - w;
    if (c >= 0 && c < env.length) mean[c] = sum / (Math.min(env.length - 1, i) - Math.max(0, i - 2 * w) + 1);
  }
  return env.map((v, i) => Math.max(0, v - mean[i]));
}

/** Whether the envelope has onsets: its strongest twentieth well above its mean. A steady tone's
 * frames ripple (about 4-6 times the mean at the top; noise the same), a song's beats stand out
 * 10-17 times (the songs of tests/bench/songs.mjs). */
function onsetsStandOut(env) {
  const sorted = Float32Array.from(env).sort();
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  const top = sorted.subarray(Math.floor(sorted.length * 0.95));
  const topMean = top.reduce((s, v) => s + v, 0) / Math.max(1, top.length);
  return mean > 1e-6 && topMean / mean >= 7;
}

/** The autocorrelation at a fractional lag. */
function at(acf, lag) {
  const i = Math.floor(lag), f = lag - i;
  return i + 1 < acf.length ? acf[i] * (1 - f) + acf[i + 1] * f : 0;
}

/** The peak of `acf` within `span` frames of `lag`, to a fraction of a frame. */
function peakNear(acf, lag, span) {
  let best = -1, val = -Infinity;
  for (let l = Math.max(1, Math.round(lag - span)); l <= Math.round(lag + span) && l + 1 < acf.length; l++) {
    if (acf[l] > val && acf[l] >= acf[l - 1] && acf[l] >= acf[l + 1]) { val = acf[l]; best = l; }
  }
  if (best < 0) return null;
  const a = acf[best - 1], b = acf[best], c = acf[best + 1], d = a - 2 * b + c;
  return best + (d < 0 ? (0.5 * (a - c)) / d : 0);
}

/** Beats per minute and the first beat (seconds), or null when there is no steady beat. */
export function tempo({ env, low, fps, offset }) {
  const slowest = 60, fastest = 200, beats = 8;
  const maxLag = Math.min(env.length - 1, Math.ceil((fps * 60 * beats) / slowest));
  const energy = env.reduce((s, v) => s + v * v, 0);
  if (maxLag < (fps * 60) / slowest * 2 || !onsetsStandOut(env)) return null;
  const acf = new Float32Array(maxLag + 2);
  for (let l = 0; l < acf.length; l++) {
    let s = 0;
    for (let i = 0; i + l < env.length; i++) s += env[i] * env[i + l];
    acf[l] = s / (env.length - l) / (energy / env.length);
  }
  // A beat repeats at its multiples (bars, half bars); a weak preference for moderate tempos.
  const grid = [];
  for (let bpm = slowest; bpm <= fastest; bpm += 0.5) {
    const T = (fps * 60) / bpm;
    let s = 0, ks = 0;
    for (let k = 1; k <= 4 && k * T < maxLag; k++) { s += at(acf, k * T); ks++; }
    grid.push({ T, score: (s / ks) * Math.exp(-0.5 * (Math.log2(bpm / 110) / 1.2) ** 2) });
  }
  const top = Math.max(...grid.map((g) => g.score));
  const best = grid.find((g) => g.score === top).T;
  if (!(top > 0) || at(acf, best) < 0.1) return null;
  // The autocorrelation cannot tell a beat from its eighths, its half notes or a dotted beat. The
  // beat is the fastest of the strong periods (and their halves and doubles) whose every other
  // pulse is about as strong in the bass as the rest: eighths alternate a beat and an offbeat.
  const peaks = grid.filter((g, i) => g.score >= 0.5 * top && g.score >= (grid[i - 1]?.score ?? 0) && g.score >= (grid[i + 1]?.score ?? 0));
  const levels = peaks.flatMap((g) => [g.T / 2, g.T, g.T * 2])
    .filter((T) => (60 * fps) / T >= slowest && (60 * fps) / T <= fastest)
    .sort((a, b) => a - b);
  const chosen = levels.find((T) => evenness(low, T) >= 0.5) ?? best;
  // Refined over as many beats as the autocorrelation holds: a fraction of a frame over 8 beats.
  let period = peakNear(acf, chosen, 2) ?? chosen;
  for (const k of [2, 4, 8]) {
    if (k * period + 3 >= maxLag) break;
    const p = peakNear(acf, k * period, 2 + k * 0.02 * period);
    if (p !== null) period = p / k;
  }
  return { bpm: (60 * fps) / period, beat: phaseOf(env, period) / fps + offset };
}

/** Where pulses `period` frames apart fall: the offset that gathers the most onset strength. */
function phaseOf(env, period) {
  let phase = 0, best = -1;
  for (let p = 0; p < period; p += 0.5) {
    let s = 0;
    for (let t = p; t < env.length; t += period) s += at(env, t);
    if (s > best) { best = s; phase = p; }
  }
  return phase;
}

/** How alike the odd and even pulses `period` frames apart are (weaker over stronger, 0..1). */
function evenness(env, period) {
  const sums = [0, 0];
  let i = 0;
  for (let t = phaseOf(env, period); t < env.length; t += period, i++) {
    let m = 0;
    for (let d = -2; d <= 2; d++) m = Math.max(m, env[Math.round(t) + d] || 0);
    sums[i % 2] += m;
  }
  return Math.min(...sums) / Math.max(1e-12, ...sums);
}

const MAJOR = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
const MINOR = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

function correlation(a, b) {
  const ma = a.reduce((s, v) => s + v, 0) / 12, mb = b.reduce((s, v) => s + v, 0) / 12;
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < 12; i++) { ab += (a[i] - ma) * (b[i] - mb); aa += (a[i] - ma) ** 2; bb += (b[i] - mb) ** 2; }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** The key: tonic (0 = C … 11 = B) and whether minor, or null when no key shows. */
export function key(x, rate) {
  const n = 4096, chroma = new Float64Array(12);
  const lo = Math.ceil((80 * n) / rate), hi = Math.min(n / 2 - 1, Math.floor((2000 * n) / rate));
  const pc = Array.from({ length: hi + 1 }, (_, k) => ((Math.round(12 * Math.log2((k * rate) / n / 440)) % 12) + 12 + 9) % 12);
  stft(x, n, n / 2, (mag) => {
    for (let k = lo; k <= hi; k++) chroma[pc[k]] += mag[k];
  });
  const total = chroma.reduce((s, v) => s + v, 0);
  if (!(total > 1e-3)) return null;
  let best = null, bestR = -1;
  for (let tonic = 0; tonic < 12; tonic++) {
    for (const [minor, profile] of [[false, MAJOR], [true, MINOR]]) {
      const r = correlation(Array.from(chroma), profile.map((_, i) => profile[(i - tonic + 12) % 12]));
      if (r > bestR) { bestR = r; best = { tonic, minor }; }
    }
  }
  return bestR > 0.5 ? best : null;
}

/** Tempo and key of mono samples at `rate`. Silence claims neither. */
export function analyse(x, rate) {
  let sq = 0;
  for (let i = 0; i < x.length; i++) sq += x[i] * x[i];
  if (!(Math.sqrt(sq / Math.max(1, x.length)) > 1e-4)) return { tempo: null, key: null };
  return { tempo: tempo(onsets(x, rate)), key: key(x, rate) };
}

/** A slice of a WAV's data as mono samples (16-, 24- or 32-bit integer, or 32-bit float). */
function toMono(buf, t) {
  const frames = Math.floor(buf.byteLength / t.block), ch = t.channels, out = new Float32Array(frames);
  let read;
  if (t.bits === 16) {
    const a = new Int16Array(buf, 0, frames * ch);
    read = (i) => a[i] / 32768;
  } else if (t.bits === 32 && t.format === 3) {
    const a = new Float32Array(buf, 0, frames * ch);
    read = (i) => a[i];
  } else if (t.bits === 32) {
    const a = new Int32Array(buf, 0, frames * ch);
    read = (i) => a[i] / 2147483648;
  } else if (t.bits === 24) {
    const b = new Uint8Array(buf);
    read = (i) => ((b[3 * i] | (b[3 * i + 1] << 8) | (b[3 * i + 2] << 24 >> 8)) / 8388608);
  } else {
    throw new Error("unreadable samples");
  }
  for (let f = 0, i = 0; f < frames; f++) {
    let s = 0;
    for (let c = 0; c < ch; c++, i++) s += read(i);
    out[f] = s / ch;
  }
  return out;
}

/** The stems' WAV data summed to mono at about ANALYSIS_RATE, read a few MB at a time. */
async function mixdown(tracks, progress) {
  const rate = tracks[0].rate / Math.max(1, Math.floor(tracks[0].rate / ANALYSIS_RATE));
  const frames = Math.max(...tracks.map((t) => Math.ceil((t.frames / t.rate) * rate)));
  const mono = new Float32Array(frames);
  const total = tracks.reduce((s, t) => s + t.frames, 0);
  let done = 0;
  for (const t of tracks) {
    // Each output sample is the mean of the input frames that fall in it.
    const step = t.rate / rate, slice = Math.max(1, Math.floor((8 << 20) / t.block)) * t.block;
    let acc = 0, count = 0, next = step, frame = 0, out = 0;
    const end = t.frames * t.block;
    for (let byte = 0; byte < end; byte += slice) {
      const buf = await t.blob.slice(t.start + byte, t.start + Math.min(byte + slice, end)).arrayBuffer();
      const x = toMono(buf, t);
      for (let f = 0; f < x.length; f++, frame++) {
        acc += x[f]; count++;
        if (frame + 1 >= next) {
          if (out < frames) mono[out] += acc / count;
          out++; acc = 0; count = 0; next += step;
        }
      }
      done += x.length;
      progress(done / total);
    }
  }
  return { mono, rate };
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  self.onmessage = async (e) => {
    try {
      let last = 0;
      const { mono, rate } = await mixdown(e.data, (p) => {
        if (p - last >= 0.05) { last = p; self.postMessage({ progress: p }); }
      });
      self.postMessage({ result: analyse(mono, rate) });
    } catch (err) {
      self.postMessage({ error: String((err && err.message) || err) });
    }
  };
}
