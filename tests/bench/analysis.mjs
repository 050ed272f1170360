// How well src/analysis.js finds a song's tempo and key: songs made here at known tempos (70-180
// BPM) and in all 24 keys (drums, bass, chords, a melody; a random lead-in), each analysed as the
// worker would. Prints the share found (tempo within ±1 BPM, an octave off counts as a miss; key
// exact) and the time per song, and fails below the aims (tempo 95 %, key 80 %) or when silence
// claims a tempo or key, or a steady chord or noise a tempo. `node tests/bench/analysis.mjs [songs]`; make test runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeSong, RATE, SECS } from './songs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// The worker's own file, as a module (the repository's .js files are not modules to Node).
const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-')), 'analysis.mjs');
fs.copyFileSync(path.join(here, '../../src/analysis.js'), copy);
const { analyse } = await import(pathToFileURL(copy).href);

const NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

const songs = Number(process.argv[2] || 48);
let tempoHits = 0, keyHits = 0, ms = 0;
const misses = [];
for (let i = 0; i < songs; i++) {
  const bpm = Math.round((70 + (110 * i) / Math.max(1, songs - 1)) * 10) / 10;
  const tonic = (i * 7) % 12, minor = i % 2 === 1;
  const x = makeSong(bpm, tonic, minor, 1000 + i);
  const t0 = performance.now();
  const got = analyse(x, RATE);
  ms += performance.now() - t0;
  const tempoOk = got.tempo && Math.abs(got.tempo.bpm - bpm) <= 1;
  const keyOk = got.key && got.key.tonic === tonic && got.key.minor === minor;
  tempoHits += tempoOk ? 1 : 0;
  keyHits += keyOk ? 1 : 0;
  if (!tempoOk || !keyOk) {
    misses.push(`${bpm} BPM ${NAMES[tonic]} ${minor ? 'minor' : 'major'} -> ${got.tempo ? got.tempo.bpm.toFixed(2) : 'none'} BPM ` +
      `${got.key ? NAMES[got.key.tonic] + (got.key.minor ? ' minor' : ' major') : 'no key'}`);
  }
}
const silence = analyse(new Float32Array(RATE * 10), RATE);
// Sound with no beat: a steady chord, and noise (seeded), claim no tempo.
const chord = Float32Array.from({ length: RATE * 20 }, (_, i) => [220, 330, 60, 3000].reduce((s, f) => s + 0.2 * Math.sin(2 * Math.PI * f * i / RATE), 0));
let seed = 1;
const hiss = Float32Array.from({ length: RATE * 20 }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2);
const beatless = [analyse(chord, RATE), analyse(hiss, RATE)].filter((r) => r.tempo).length;
const tempoShare = tempoHits / songs, keyShare = keyHits / songs;
console.log(`analysis: ${songs} songs of ${SECS} s: tempo within ±1 BPM ${(100 * tempoShare).toFixed(1)} %, ` +
  `key ${(100 * keyShare).toFixed(1)} %, ${(ms / songs).toFixed(0)} ms a song (${(ms / songs / SECS * 300 / 1000).toFixed(2)} s for 5 minutes); ` +
  `silence: ${silence.tempo || silence.key ? 'CLAIMED something' : 'not detected'}; a steady chord and noise: ${beatless ? 'a tempo CLAIMED' : 'no tempo'}`);
for (const m of misses) console.log(`  missed: ${m}`);
fs.rmSync(path.dirname(copy), { recursive: true, force: true });
if (tempoShare < 0.95 || keyShare < 0.8 || silence.tempo || silence.key || beatless) {
  console.error('analysis: below the aims (tempo 95 %, key 80 %, no tempo claimed without a beat)');
  process.exit(1);
}
