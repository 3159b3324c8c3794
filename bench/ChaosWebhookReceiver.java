import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook receiver of bench/chaos: a loopback HTTP server that checks each request's Standard Webhooks
 * signature itself (not with Tunegate's code, so a signing bug cannot hide) and appends one tab-separated line
 * per request to the output file: webhook-id, type, job id, receive time (epoch ms), signature ok.
 * It answers 204 to every request, good signature or not: a bad one is counted by the script, and a retry
 * would only repeat it.
 *
 *   java bench/ChaosWebhookReceiver.java PORT SECRET OUTPUT_FILE
 */
public class ChaosWebhookReceiver {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DATA_ID = Pattern.compile("\"data\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]*)\"");
    private static final long TOLERANCE_SECONDS = 300;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].substring(args[1].startsWith("whsec_") ? 6 : 0));
        PrintWriter out = new PrintWriter(new FileWriter(args[2], StandardCharsets.UTF_8, true));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> handle(exchange, key, out));
        server.start();
        System.out.println("receiver listening on 127.0.0.1:" + port);
    }

    private static void handle(HttpExchange exchange, byte[] key, PrintWriter out) throws IOException {
        long received = System.currentTimeMillis();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = header(exchange, "webhook-id");
        String timestamp = header(exchange, "webhook-timestamp");
        String signatures = header(exchange, "webhook-signature");
        String payload = new String(body, StandardCharsets.UTF_8);
        boolean ok = verify(key, id, timestamp, body, signatures, received / 1000);
        synchronized (out) {
            out.printf("%s\t%s\t%s\t%d\t%s%n", id, find(TYPE, payload), find(DATA_ID, payload), received, ok);
            out.flush();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** HMAC-SHA256 over "id.timestamp.body", base64; the header holds space-separated "v1,<sig>" entries. */
    static boolean verify(byte[] key, String id, String timestamp, byte[] body, String signatures, long nowSeconds) {
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return false;
        }
        try {
            if (Math.abs(nowSeconds - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String entry : signatures.split(" ")) {
                if (entry.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(entry.substring(3)))) {
                    return true;
                }
            }
        } catch (Exception e) { // malformed timestamp or base64: not a valid signature
            return false;
        }
        return false;
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
