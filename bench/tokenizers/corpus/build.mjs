// Composes the seed turns into chat examples ({messages: [...]}, the OpenAI fine-tuning shape) with a seeded
// PRNG, so every run sees the same corpus. Each example stays within one category, so ratios can be reported
// per category and then mixed with explicit weights.

import * as prose from "./prose.mjs";
import { code, json, numbers, generatedJsonPairs, generatedNumberPairs } from "./technical.mjs";

/**
 * A typical English-dominant chat fine-tuning set, as shares of baseline (o200k) tokens. An assumption, not a
 * measurement: datasets differ, which is why the per-category figures are reported too.
 */
export const TYPICAL_MIX = {
  en: 0.55, code: 0.15, json: 0.08, numbers: 0.05, de: 0.03, fr: 0.03, es: 0.03, zh: 0.03, ja: 0.02, emoji: 0.03,
};

export const CATEGORIES = Object.keys(TYPICAL_MIX);

/** mulberry32: small, fast, and the same on every platform. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sources(rng) {
  return {
    en: prose.en,
    code,
    json: { systems: json.systems, pairs: [...json.pairs, ...generatedJsonPairs(rng, 24)] },
    numbers: { systems: numbers.systems, pairs: [...numbers.pairs, ...generatedNumberPairs(rng, 24)] },
    de: prose.de,
    fr: prose.fr,
    es: prose.es,
    zh: prose.zh,
    ja: prose.ja,
    emoji: prose.emoji,
  };
}

/**
 * @returns {{category: string, messages: {role: string, content: string}[]}[]} perCategory examples per
 *          category: a system message in 60 % of them, then 1 (55 %), 2 (30 %) or 3 (15 %) user/assistant turns.
 */
export function buildCorpus({ seed = 20261121, perCategory = 40 } = {}) {
  const rng = seededRandom(seed);
  const byCategory = sources(rng);
  const examples = [];
  for (const category of CATEGORIES) {
    const { systems, pairs } = byCategory[category];
    for (let i = 0; i < perCategory; i++) {
      const messages = [];
      if (rng() < 0.6) {
        messages.push({ role: "system", content: systems[Math.floor(rng() * systems.length)] });
      }
      const roll = rng();
      const turns = Math.min(pairs.length, roll < 0.55 ? 1 : roll < 0.85 ? 2 : 3);
      const pool = [...pairs];
      for (let t = 0; t < turns; t++) {
        const [pair] = pool.splice(Math.floor(rng() * pool.length), 1);
        messages.push({ role: "user", content: pair.user }, { role: "assistant", content: pair.assistant });
      }
      examples.push({ category, messages });
    }
  }
  return examples;
}
