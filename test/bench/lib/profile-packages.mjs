// Self-time shares by package (got, zod, @hrkit/*, node internals, GC) from a `.cpuprofile`: `node profile-packages.mjs file`.
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const groups = new Map();
const groupOf = ({ url, functionName }) => {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName}`;
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1];
  const own = /packages\/([^/]+)\/(?:dist|src)\/(?:([^/]+)\/)?/.exec(url);
  if (own) return `@hrkit/${own[1]}${own[2] ? `/${own[2]}` : ''}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url.split('/').slice(-2).join('/');
};
for (let index = 0; index < profile.samples.length; index++) {
  const key = groupOf(byId.get(profile.samples[index]).callFrame);
  groups.set(key, (groups.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
}
groups.delete('(idle)');
const total = [...groups.values()].reduce((a, b) => a + b, 0);
for (const [key, micros] of [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(
    `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${Math.round(micros / 1000)
      .toString()
      .padStart(6)} ms  ${key}`,
  );
