import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a deterministic, varied chat-format JSONL file of about the given size, for bench/ingest.sh.
 * No downloads: the text is built from the small word pools below with a seeded random generator, so the
 * same seed and size always give the same bytes.
 *
 * <p>Each line is one OpenAI chat example: usually a system message, then one to four user/assistant
 * turns. Contents mix English prose, German, French, Russian, Japanese, Chinese and emoji, code blocks
 * (with escaped newlines, quotes and tabs) and numbers (integers, decimals, dates, prices), in lengths from
 * a few words to a couple of kilobytes, so the tokenizer sees realistic variety rather than one line
 * repeated. Every line is valid (a few lack a system message, which is only a warning).
 *
 * <pre>java GenerateChatJsonl.java OUTPUT BYTES [SEED]</pre>
 * The file ends at the last whole line that fits in BYTES.
 */
public final class GenerateChatJsonl {

    private static final String[] ENGLISH = ("the a of to and in is it that for on with as was be by this are "
            + "from at or an have not they which one you had but all were we there can been has more if will "
            + "would about their so what up out when them some could into time only than other its also two "
            + "model data training dataset token gateway provider job epoch loss learning rate batch fine-tune "
            + "customer order refund invoice shipping account password reset subscription plan upgrade cancel "
            + "please thanks sorry understand help question answer example problem solution summary explain "
            + "because however therefore although meanwhile instead usually sometimes always never quickly "
            + "server database request response latency throughput memory thread queue cache index schema "
            + "weather river mountain library kitchen garden window morning evening holiday journey ticket "
            + "important different possible available necessary general specific particular recent final").split(" ");
    private static final String[] GERMAN = ("Straße Größe Übersicht müssen können Bestellung Rückerstattung "
            + "Lieferung Kundenservice schön Frühstück Mädchen Äpfel Öffnungszeiten natürlich bitte danke").split(" ");
    private static final String[] FRENCH = ("été élève garçon français déjà très où même naïve cœur façon "
            + "commande remboursement livraison s'il vous plaît merci beaucoup aujourd'hui").split(" ");
    private static final String[] RUSSIAN = ("привет спасибо пожалуйста заказ доставка возврат денег "
            + "модель данные обучение сервер время вопрос ответ хорошо").split(" ");
    private static final String[] JAPANESE = {"こんにちは", "ありがとうございます", "注文", "配送", "返金",
            "モデル", "データ", "学習", "サーバー", "東京", "今日は良い天気ですね", "よろしくお願いします"};
    private static final String[] CHINESE = {"你好", "谢谢", "订单", "退款", "配送", "模型", "数据", "训练",
            "服务器", "北京", "今天天气很好", "请稍等"};
    private static final String[] EMOJI = {"🙂", "🚀", "✅", "❌", "📦", "💡", "🔥", "👍", "🤖", "📈"};
    private static final String[] SYSTEM = {
            "You are a helpful customer support assistant for an online shop.",
            "You are a senior software engineer. Answer with working code and a short explanation.",
            "Tu es un assistant qui répond en français, poliment et brièvement.",
            "Du bist ein hilfsbereiter Assistent. Antworte auf Deutsch.",
            "You translate between English and Japanese. 日本語と英語の翻訳をします。",
            "You are a data analyst. Report numbers with two decimals and units.",
            "Ты — вежливый ассистент службы поддержки.",
            "你是一个乐于助人的助手。请用中文回答。"};
    private static final String[] CODE = {
            "public int add(int a, int b) {\n\treturn a + b;\n}",
            "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a",
            "SELECT id, name, created_at\nFROM orders\nWHERE status = 'shipped' AND total > 100\nORDER BY created_at DESC;",
            "const res = await fetch(\"/v1/jobs\", {method: \"POST\", body: JSON.stringify({job_name: \"x\"})});",
            "for (int i = 0; i < n; i++) {\n\tsum += values[i] * weights[i];\n}\nSystem.out.println(\"sum=\" + sum);",
            "curl -s localhost:8080/v1/datasets -H \"Authorization: Bearer $KEY\" --data-binary @train.jsonl",
            "fn main() {\n    let v: Vec<u32> = (1..=10).collect();\n    println!(\"{:?}\", v);\n}",
            "<div class=\"card\">\n  <h2>{{ title }}</h2>\n  <p>{{ body | escape }}</p>\n</div>"};

    private final SplittableRandom random;
    private final StringBuilder line = new StringBuilder(16 * 1024);

    private GenerateChatJsonl(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java GenerateChatJsonl.java OUTPUT BYTES [SEED]");
            System.exit(2);
        }
        Path output = Path.of(args[0]);
        long limit = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261121L;
        long[] written = new GenerateChatJsonl(seed).write(output, limit);
        System.out.printf("wrote %s: %d bytes, %d lines (seed %d)%n", output, written[0], written[1], seed);
    }

    private long[] write(Path output, long limit) throws IOException {
        long bytes = 0;
        long lines = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 20)) {
            while (true) {
                byte[] encoded = example().getBytes(StandardCharsets.UTF_8);
                if (bytes + encoded.length > limit) {
                    break;
                }
                out.write(encoded);
                bytes += encoded.length;
                lines++;
            }
        }
        return new long[]{bytes, lines};
    }

    /** One JSONL line, newline included. */
    private String example() {
        line.setLength(0);
        line.append("{\"messages\":[");
        boolean first = true;
        if (random.nextInt(10) != 0) {
            message("system", SYSTEM[random.nextInt(SYSTEM.length)]);
            first = false;
        }
        int turns = 1 + random.nextInt(4);
        for (int t = 0; t < turns; t++) {
            if (!first) {
                line.append(',');
            }
            message("user", text(5 + random.nextInt(60)));
            line.append(',');
            message("assistant", text(20 + random.nextInt(random.nextInt(8) == 0 ? 600 : 200)));
            first = false;
        }
        line.append("]}\n");
        return line.toString();
    }

    private void message(String role, String content) {
        line.append("{\"role\":\"").append(role).append("\",\"content\":\"");
        escape(content);
        line.append("\"}");
    }

    /** Roughly {@code words} words of mixed text; sometimes a code block, numbers or another language. */
    private String text(int words) {
        StringBuilder text = new StringBuilder(words * 7);
        boolean sentenceStart = true;
        for (int w = 0; w < words; w++) {
            int pick = random.nextInt(1000);
            String word;
            if (pick < 720) {
                word = ENGLISH[random.nextInt(ENGLISH.length)];
            } else if (pick < 780) {
                word = number();
            } else if (pick < 820) {
                word = GERMAN[random.nextInt(GERMAN.length)];
            } else if (pick < 860) {
                word = FRENCH[random.nextInt(FRENCH.length)];
            } else if (pick < 890) {
                word = RUSSIAN[random.nextInt(RUSSIAN.length)];
            } else if (pick < 920) {
                word = JAPANESE[random.nextInt(JAPANESE.length)];
            } else if (pick < 950) {
                word = CHINESE[random.nextInt(CHINESE.length)];
            } else if (pick < 970) {
                word = EMOJI[random.nextInt(EMOJI.length)];
            } else if (pick < 975) {
                word = "\n```\n" + CODE[random.nextInt(CODE.length)] + "\n```\n";
            } else {
                word = "\"" + ENGLISH[random.nextInt(ENGLISH.length)] + "\"";
            }
            if (sentenceStart && !word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            if (w > 0) {
                text.append(' ');
            }
            text.append(word);
            sentenceStart = random.nextInt(12) == 0;
            if (sentenceStart) {
                text.append(random.nextInt(5) == 0 ? "?" : ".");
            } else if (random.nextInt(15) == 0) {
                text.append(',');
            }
        }
        return text.append('.').toString();
    }

    private String number() {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt(1000));
            case 1 -> Long.toString(random.nextLong(1_000_000_000L));
            case 2 -> random.nextInt(10_000) + "." + twoDigits(random.nextInt(100));
            case 3 -> "2026-" + twoDigits(1 + random.nextInt(12)) + "-" + twoDigits(1 + random.nextInt(28));
            default -> "$" + random.nextInt(500) + "." + twoDigits(random.nextInt(100));
        };
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\t' -> line.append("\\t");
                case '\r' -> line.append("\\r");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
    }
}
