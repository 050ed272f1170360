// @ts-ignore: a plain ES module shared with the benchmarks
import { stereoWav } from '../bench/wav.mjs';

/** A stereo 16-bit WAV tone of `secs` seconds (different notes left and right). */
export function wav(secs: number, rate = 8000): Buffer {
  // 8000/32767 of full scale, as the stand-in's tests expect.
  const a = 8000 / 32767;
  return stereoWav(Math.round(secs * rate), rate, (t: number) => [a * Math.sin(2 * Math.PI * 440 * t), a * Math.sin(2 * Math.PI * 660 * t)]);
}

export const song = (name: string, secs = 2, rate = 8000) => ({ name, mimeType: 'audio/wav', buffer: wav(secs, rate) });
