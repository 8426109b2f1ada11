/**
 * `npm run bench:census`: links ≈100,000 census records from three seeded source lists (src/demo/census-lists.ts;
 * BENCH_RECORDS overrides the total, BENCH_SEED the seed) with the full linker (link.ts), against the exact
 * name + birth-date baseline on the same records (evaluate.ts's baselineClusters, then a hash-join to cluster
 * numbers). Prints wall time of each (generation excluded), peak RSS while linking, the linker/baseline time
 * ratio, pairwise precision / recall / F1 and the count error of both against the generator's truth, and
 * the clerical review: pairs put to a person as a share of the records, and how many of them are one child.
 * Targets (the census issue): linker under 20 s and under 1 GB on a 2-core machine; review ≤ 2 % of records
 * with at least a third the same child, and F1 ≥ 0.995.
 */

import { generateCensus } from '../src/demo/census-lists';
import { DEFAULT_THRESHOLDS } from '../src/modules/census/link/cluster';
import { baselineClusters, type Evaluation, evaluate } from '../src/modules/census/link/evaluate';
import { linkRecords } from '../src/modules/census/link/link';
import { lifetimeMaxRss, mib, samplePeakRss } from './memory';
import { percentile } from './stats';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const TARGET_MS = 20_000;
const TARGET_BYTES = 1024 ** 3;
/** Records per child in census-lists.ts: coverage 0.85 + 0.75 + 0.8, times 1.01 for duplicates within a list. */
const RECORDS_PER_CHILD = 2.42;

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtEval = (e: Evaluation) =>
  `precision ${e.precision.toFixed(4)}  recall ${e.recall.toFixed(4)}  F1 ${e.f1.toFixed(4)}  ` +
  `clusters ${e.clusters} / children ${e.children}  count error ${(e.countError * 100).toFixed(2)} %`;

function main() {
  const t0 = performance.now();
  const { records, truth } = generateCensus({
    seed: SEED,
    children: Math.max(1, Math.round(RECORDS / RECORDS_PER_CHILD)),
  });
  const genMs = performance.now() - t0;
  const perFile = new Map<string, number>();
  for (const r of records) perFile.set(r.file, (perFile.get(r.file) ?? 0) + 1);
  console.log(
    `generated ${records.length} records (${[...perFile].map(([f, n]) => `${f} ${n}`).join(', ')}) ` +
      `of ${new Set(truth).size} children in ${fmtMs(genMs)} (seed ${SEED}; not timed below)`,
  );

  // (a) Baseline: exact written name + birth date, hash-joined into cluster numbers. A few tens of ms, so it
  // is run five times and the median taken (one run is at the mercy of a GC pause).
  let baseline: number[] = [];
  const baselineRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    const b0 = performance.now();
    const numberOf = new Map<string, number>();
    baseline = baselineClusters(records).map((l) => {
      let c = numberOf.get(l);
      if (c === undefined) {
        c = numberOf.size;
        numberOf.set(l, c);
      }
      return c;
    });
    baselineRuns.push(performance.now() - b0);
  }
  const baselineMs = percentile(baselineRuns, 50);

  // (b) The full linker.
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const sampler = samplePeakRss(50);
  const l0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = linkRecords(records);
  const cpu = process.cpuUsage(cpu0);
  const linkMs = performance.now() - l0;
  // The linker is synchronous, so the interval cannot fire during it; the lifetime maximum catches its peak
  // (generation happened before and is smaller — its own peak is printed for comparison).
  const peakRss = Math.max(sampler.stop(), lifetimeMaxRss());

  const baseEval = evaluate(baseline, truth);
  const linkEval = evaluate(result.clusterOf, truth);
  const linked = result.pairs.filter((p) => p.weight >= DEFAULT_THRESHOLDS.link).length;
  // The clerical review: how many pairs a person is asked about, and how many of them are one child.
  const reviewSame = result.review.filter((p) => truth[p.a] === truth[p.b]).length;
  const reviewShare = result.review.length / records.length;
  const reviewSameRate = result.review.length ? reviewSame / result.review.length : 0;

  console.log(`\nrecords            ${records.length}`);
  console.log(
    `candidate pairs    ${result.pairs.length} (weight ≥ link threshold: ${linked}; review: ${result.review.length})`,
  );
  console.log(`baseline time      ${fmtMs(baselineMs)} (median of 5)`);
  console.log(`linker time        ${fmtMs(linkMs)}`);
  // On a shared machine the wall time includes waiting for a core; the CPU time does not.
  console.log(`linker CPU time    ${fmtMs((cpu.user + cpu.system) / 1000)} (user + system, this process)`);
  console.log(`ratio              ${(linkMs / baselineMs).toFixed(0)}× the baseline`);
  console.log(`RSS before linking ${mib(rssBefore).toFixed(0)} MiB`);
  console.log(`peak RSS           ${mib(peakRss).toFixed(0)} MiB (process maximum, includes generation)`);
  console.log(`baseline           ${fmtEval(baseEval)}`);
  console.log(`linker             ${fmtEval(linkEval)}`);
  console.log(
    `review             ${result.review.length} pairs = ${(reviewShare * 100).toFixed(2)} % of records; ` +
      `same child ${reviewSame} = ${(reviewSameRate * 100).toFixed(0)} % ` +
      `(band ${DEFAULT_THRESHOLDS.review} to ${DEFAULT_THRESHOLDS.link} bits)`,
  );
  const timeOk = linkMs < TARGET_MS;
  const memOk = peakRss < TARGET_BYTES;
  console.log(`\ntarget time  < 20 s : ${timeOk ? 'MET' : 'MISSED'} (${fmtMs(linkMs)})`);
  console.log(`target memory < 1 GB: ${memOk ? 'MET' : 'MISSED'} (${mib(peakRss).toFixed(0)} MiB)`);
  // Quality targets (counts, not timings): few review pairs, a third of them one child, accurate links.
  const reviewOk = reviewShare <= 0.02 && (result.review.length === 0 || reviewSameRate >= 1 / 3);
  const f1Ok = linkEval.f1 >= 0.995;
  console.log(
    `target review ≤ 2 % of records, ≥ 1/3 same child: ${reviewOk ? 'MET' : 'MISSED'} ` +
      `(${(reviewShare * 100).toFixed(2)} %, ${(reviewSameRate * 100).toFixed(0)} %)`,
  );
  console.log(`target F1 ≥ 0.995 : ${f1Ok ? 'MET' : 'MISSED'} (${linkEval.f1.toFixed(4)})`);
  if (!timeOk || !memOk || !reviewOk || !f1Ok) process.exitCode = 1;
}

main();
