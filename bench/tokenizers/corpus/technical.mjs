// Hand-written chat turns with code, JSON and numbers, plus deterministic generators for more JSON and
// numeric examples. Written for this bench (no third-party text). "@@@" stands for a Markdown code fence,
// so the snippets can live in template literals.

const fence = (text) => text.replaceAll("@@@", "```");

export const code = {
  systems: [
    "You are a senior software engineer. Answer with working code and a short explanation.",
    "You are a coding assistant. Prefer idiomatic, well-tested code.",
  ],
  pairs: [
    {
      user: "Write a Python function that returns the n-th Fibonacci number without recursion.",
      assistant: fence(`Here's an iterative version that runs in O(n) time and O(1) memory:

@@@python
def fibonacci(n: int) -> int:
    """Return the n-th Fibonacci number (fibonacci(0) == 0)."""
    if n < 0:
        raise ValueError("n must be non-negative")
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


if __name__ == "__main__":
    print([fibonacci(i) for i in range(10)])  # [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
@@@

Python integers grow as needed, so this works for large n as well.`),
    },
    {
      user: "How do I read a file line by line in Java and count the lines that contain 'ERROR'?",
      assistant: fence(`Use \`Files.lines\`, which streams the file lazily, inside try-with-resources so the file is closed:

@@@java
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

public final class ErrorCounter {

    public static long countErrors(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("ERROR")).count();
        }
    }

    public static void main(String[] args) throws IOException {
        System.out.println(countErrors(Path.of(args[0])));
    }
}
@@@

For multi-gigabyte files this still uses constant memory, since only one line is held at a time.`),
    },
    {
      user: "Write a React hook that debounces a value.",
      assistant: fence(`@@@tsx
import { useEffect, useState } from "react";

export function useDebounced<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);

  return debounced;
}
@@@

Usage: \`const query = useDebounced(searchText, 500);\` then fetch results in an effect that depends on \`query\`. The cleanup function cancels the pending timer whenever the value changes, so only the last value within the delay is applied.`),
    },
    {
      user: "SQL: top 5 customers by total order value in 2024, with their order count.",
      assistant: fence(`@@@sql
SELECT c.id,
       c.name,
       COUNT(o.id)        AS order_count,
       SUM(o.total_cents) AS total_cents
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.created_at >= DATE '2024-01-01'
  AND o.created_at <  DATE '2025-01-01'
  AND o.status <> 'cancelled'
GROUP BY c.id, c.name
ORDER BY total_cents DESC
LIMIT 5;
@@@

The half-open date range keeps the query index-friendly and includes orders placed late on December 31. Storing money as integer cents avoids rounding errors in the sum.`),
    },
    {
      user: "Bash script that deletes files older than 30 days in /var/log/myapp, but only *.log.gz.",
      assistant: fence(`@@@bash
#!/usr/bin/env bash
set -euo pipefail

LOG_DIR="/var/log/myapp"
DAYS=30

# -print first so you see what goes; -delete only acts on matches.
find "$LOG_DIR" -type f -name '*.log.gz' -mtime +"$DAYS" -print -delete
@@@

Run it once without \`-delete\` to check the list. To schedule it daily, add a cron entry such as \`15 3 * * * /usr/local/bin/clean-logs.sh\`.`),
    },
    {
      user: "Show a minimal Go HTTP server with a /health endpoint that returns JSON.",
      assistant: fence(`@@@go
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"time"
)

type health struct {
	Status string    \`json:"status"\`
	Time   time.Time \`json:"time"\`
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(health{Status: "ok", Time: time.Now().UTC()})
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", mux))
}
@@@

The method in the pattern ("GET /health") needs Go 1.22 or newer.`),
    },
    {
      user: "Why does this Rust code not compile? let s = String::from(\"hi\"); let t = s; println!(\"{}\", s);",
      assistant: fence(`\`String\` is not \`Copy\`, so \`let t = s;\` *moves* the string into \`t\`, and \`s\` can no longer be used. The compiler reports "borrow of moved value: \`s\`". Either borrow it or clone it:

@@@rust
fn main() {
    let s = String::from("hi");
    let t = &s;          // borrow: both names refer to the same data
    println!("{} {}", s, t);

    let u = s.clone();   // or make an independent copy
    println!("{} {}", s, u);
}
@@@`),
    },
    {
      user: "Give me a Kubernetes Deployment for an nginx container with 3 replicas and resource limits.",
      assistant: fence(`@@@yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /
              port: 80
@@@`),
    },
    {
      user: "Explain this regex: ^(?=.*\\d)(?=.*[a-z])(?=.*[A-Z]).{8,}$",
      assistant: "It validates a password. `^` and `$` anchor the match to the whole string. The three `(?=...)` groups are lookaheads: each checks a condition without consuming characters. `(?=.*\\d)` requires at least one digit, `(?=.*[a-z])` at least one lowercase letter and `(?=.*[A-Z])` at least one uppercase letter. Finally `.{8,}` requires at least eight characters of any kind. So `Passw0rd` matches, while `password1` fails because it has no uppercase letter.",
    },
    {
      user: "This JavaScript prints 5 five times instead of 0..4. Why? for (var i = 0; i < 5; i++) { setTimeout(() => console.log(i), 0); }",
      assistant: fence(`\`var\` is function-scoped, so all five callbacks close over the same \`i\`. By the time the timers fire, the loop has finished and \`i\` is 5. Use \`let\`, which creates a new binding per iteration:

@@@js
for (let i = 0; i < 5; i++) {
  setTimeout(() => console.log(i), 0); // 0 1 2 3 4
}
@@@`),
    },
  ],
};

export const json = {
  systems: [
    "Extract the requested fields and answer with JSON only.",
    "You are a function-calling assistant. Reply with a single JSON object.",
  ],
  pairs: [
    {
      user: "Extract name, email, company and phone from: 'Hi, this is Maria Gonzalez from Northwind Traders, you can reach me at maria.gonzalez@northwind.example or +1 (415) 555-0132.'",
      assistant: '{"name":"Maria Gonzalez","email":"maria.gonzalez@northwind.example","company":"Northwind Traders","phone":"+1 (415) 555-0132"}',
    },
    {
      user: "Turn this into an event object: Team offsite, Friday 14 March 2025, 9:30 to 17:00, Hotel Bellevue room 2, 18 people, catering yes.",
      assistant: JSON.stringify({
        title: "Team offsite",
        date: "2025-03-14",
        start: "09:30",
        end: "17:00",
        location: { venue: "Hotel Bellevue", room: "2" },
        attendees: 18,
        catering: true,
      }, null, 2),
    },
    {
      user: "What's the weather in Berlin tomorrow? Use the get_forecast tool.",
      assistant: '{"tool":"get_forecast","arguments":{"city":"Berlin","country":"DE","date":"tomorrow","units":"metric","fields":["temperature_min","temperature_max","precipitation_probability","wind_speed"]}}',
    },
    {
      user: "Classify the sentiment and topics of this review: 'The battery lasts forever but the screen scratches way too easily and support never answered my emails.'",
      assistant: JSON.stringify({
        sentiment: "mixed",
        score: -0.2,
        aspects: [
          { topic: "battery", sentiment: "positive" },
          { topic: "screen durability", sentiment: "negative" },
          { topic: "customer support", sentiment: "negative" },
        ],
      }),
    },
    {
      user: "Give me an OpenAPI snippet for GET /v1/users/{id} returning 200 with a User and 404.",
      assistant: JSON.stringify({
        "/v1/users/{id}": {
          get: {
            operationId: "getUser",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
            responses: {
              200: { description: "The user", content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } },
              404: { description: "No user with this id", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
            },
          },
        },
      }, null, 2),
    },
    {
      user: "Convert to JSON: ingredients for pancakes: 200 g flour, 2 eggs, 300 ml milk, 1 tbsp sugar, pinch of salt.",
      assistant: '[{"item":"flour","quantity":200,"unit":"g"},{"item":"eggs","quantity":2,"unit":null},{"item":"milk","quantity":300,"unit":"ml"},{"item":"sugar","quantity":1,"unit":"tbsp"},{"item":"salt","quantity":null,"unit":"pinch"}]',
    },
  ],
};

export const numbers = {
  systems: [
    "You are a careful analyst. Show your calculations.",
    "You are a bookkeeping assistant. Use two decimals for amounts.",
  ],
  pairs: [
    {
      user: "If I invest 12,500 at 4.2% per year, compounded monthly, how much do I have after 7 years?",
      assistant: "Monthly rate r = 0.042 / 12 = 0.0035; number of periods n = 7 × 12 = 84.\nFactor (1 + r)^n = 1.0035^84 ≈ 1.34106.\nFinal amount ≈ 12,500 × 1.34106 ≈ 16,763.25.\nSo you would have about 16,763.25, which is 4,263.25 of interest.",
    },
    {
      user: "Sum these expenses: 23.40, 118.99, 7.05, 64.00, 12.75, 230.10, 9.99",
      assistant: "23.40 + 118.99 = 142.39\n142.39 + 7.05 = 149.44\n149.44 + 64.00 = 213.44\n213.44 + 12.75 = 226.19\n226.19 + 230.10 = 456.29\n456.29 + 9.99 = 466.28\nTotal: 466.28",
    },
    {
      user: "Convert 72°F, 98.6°F and -40°F to Celsius.",
      assistant: "C = (F − 32) × 5/9\n72°F → (72 − 32) × 5/9 = 22.22°C\n98.6°F → (98.6 − 32) × 5/9 = 37.00°C\n-40°F → (-40 − 32) × 5/9 = -40.00°C (the one temperature where both scales agree)",
    },
    {
      user: "What is 17% of 2,340 and what is 2,340 increased by 17%?",
      assistant: "17% of 2,340 = 0.17 × 2,340 = 397.80.\n2,340 increased by 17% = 2,340 × 1.17 = 2,737.80.",
    },
  ],
};

// Deterministic generators: the same seed always yields the same records.

const FIRST = ["Anna", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Giulia", "Hiro", "Ines", "Jonas", "Kavya", "Liam"];
const LAST = ["Schmidt", "Okafor", "Rossi", "Tanaka", "Novak", "García", "Dubois", "Kowalski", "Nguyen", "Larsen"];
const PRODUCTS = ["USB-C cable 2m", "Wireless mouse", "27\" monitor", "Laptop stand", "Mechanical keyboard",
  "Noise-cancelling headphones", "Webcam 1080p", "Desk lamp LED", "Ergonomic chair", "Docking station"];
const CITIES = ["Berlin", "Lyon", "Madrid", "Osaka", "Toronto", "Nairobi", "Melbourne", "São Paulo", "Kraków", "Austin"];

function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

function amount(rng, max) {
  return Math.round(rng() * max * 100) / 100;
}

function isoDate(rng) {
  const day = 1 + Math.floor(rng() * 365);
  return new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
}

/** Order, ticket and telemetry records as JSON answers to extraction or tool-call prompts. */
export function generatedJsonPairs(rng, count) {
  const pairs = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0) {
      const lines = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => ({
        sku: `SKU-${10000 + Math.floor(rng() * 89999)}`,
        name: pick(rng, PRODUCTS),
        qty: 1 + Math.floor(rng() * 3),
        unit_price: amount(rng, 400),
      }));
      const order = {
        order_id: `ORD-2025-${String(Math.floor(rng() * 999999)).padStart(6, "0")}`,
        customer: { name: `${pick(rng, FIRST)} ${pick(rng, LAST)}`, city: pick(rng, CITIES) },
        placed_at: `${isoDate(rng)}T${String(Math.floor(rng() * 24)).padStart(2, "0")}:${String(Math.floor(rng() * 60)).padStart(2, "0")}:00Z`,
        lines,
        total: Math.round(lines.reduce((sum, l) => sum + l.qty * l.unit_price, 0) * 100) / 100,
        currency: pick(rng, ["EUR", "USD", "JPY", "GBP"]),
        paid: rng() < 0.8,
      };
      pairs.push({ user: `Look up order ${order.order_id} and return it as JSON.`, assistant: JSON.stringify(order) });
    } else if (kind === 1) {
      const ticket = {
        id: 40000 + Math.floor(rng() * 9999),
        subject: pick(rng, ["Login fails after password reset", "Invoice shows wrong VAT", "App crashes on start",
          "Cannot export report to PDF", "Refund not received"]),
        priority: pick(rng, ["low", "normal", "high", "urgent"]),
        status: pick(rng, ["open", "pending", "solved"]),
        requester: `${pick(rng, FIRST).toLowerCase()}.${pick(rng, LAST).toLowerCase()}@example.com`,
        tags: ["billing", "mobile", "auth", "export", "refund"].filter(() => rng() < 0.4),
        created_at: isoDate(rng),
      };
      pairs.push({ user: "Create the ticket from the customer's email and show the stored record.", assistant: JSON.stringify(ticket, null, 2) });
    } else {
      const points = Array.from({ length: 3 + Math.floor(rng() * 5) }, (_, j) => ({
        ts: 1735689600 + i * 3600 + j * 60,
        cpu: Math.round(rng() * 1000) / 10,
        mem_mb: 512 + Math.floor(rng() * 3500),
        p95_ms: Math.round(rng() * 4000) / 10,
      }));
      pairs.push({
        user: `get_metrics(host="web-${1 + Math.floor(rng() * 20)}", window="10m")`,
        assistant: JSON.stringify({ host: `web-${1 + Math.floor(rng() * 20)}`, unit: "per-minute", points }),
      });
    }
  }
  return pairs;
}

/** Tables, invoices and CSV extracts dominated by digits, dates and decimal separators. */
export function generatedNumberPairs(rng, count) {
  const pairs = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0) {
      const rows = Array.from({ length: 4 + Math.floor(rng() * 6) }, () =>
        `${isoDate(rng)},${pick(rng, CITIES)},${Math.floor(rng() * 5000)},${amount(rng, 99999).toFixed(2)},${(rng() * 100).toFixed(1)}%`);
      pairs.push({
        user: "Here is the sales extract (date,city,units,revenue,margin). Which row has the highest revenue?\n" + rows.join("\n"),
        assistant: (() => {
          const best = rows.map((r) => r.split(",")).sort((a, b) => Number(b[3]) - Number(a[3]))[0];
          return `The highest revenue is ${best[3]} on ${best[0]} in ${best[1]} (${best[2]} units, margin ${best[4]}).`;
        })(),
      });
    } else if (kind === 1) {
      const items = Array.from({ length: 2 + Math.floor(rng() * 5) }, () => [pick(rng, PRODUCTS), 1 + Math.floor(rng() * 9), amount(rng, 250)]);
      const net = items.reduce((sum, [, q, p]) => sum + q * p, 0);
      const vat = net * 0.19;
      const lines = items.map(([n, q, p]) => `${q} × ${n} @ ${p.toFixed(2)} = ${(q * p).toFixed(2)}`);
      pairs.push({
        user: `Compute the invoice total with 19% VAT for invoice INV-${20250000 + Math.floor(rng() * 9999)}.`,
        assistant: `${lines.join("\n")}\nNet: ${net.toFixed(2)}\nVAT 19%: ${vat.toFixed(2)}\nTotal: ${(net + vat).toFixed(2)}`,
      });
    } else {
      const values = Array.from({ length: 8 + Math.floor(rng() * 8) }, () => Math.round(rng() * 100000) / 100);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sorted = [...values].sort((a, b) => a - b);
      pairs.push({
        user: `Mean, min and max of: ${values.join(", ")}`,
        assistant: `n = ${values.length}\nmean = ${mean.toFixed(3)}\nmin = ${sorted[0]}\nmax = ${sorted[sorted.length - 1]}\nrange = ${(sorted[sorted.length - 1] - sorted[0]).toFixed(2)}`,
      });
    }
  }
  return pairs;
}
