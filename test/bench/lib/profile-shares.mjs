// Self-time shares by function from a `.cpuprofile` (node --cpu-prof): `node profile-shares.mjs file [top]`.
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let index = 0; index < profile.samples.length; index++) {
  const node = byId.get(profile.samples[index]);
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [key, micros] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(
    `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${Math.round(micros / 1000)
      .toString()
      .padStart(6)} ms  ${key}`,
  );
