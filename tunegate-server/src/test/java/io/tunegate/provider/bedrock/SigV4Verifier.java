package io.tunegate.provider.bedrock;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recomputes an AWS Signature Version 4 from what the server received, written from the AWS documentation
 * ("Create a signed AWS API request") without the SDK: canonical request (non-S3 services encode each path
 * segment twice, so the segments as sent are encoded once more), string to sign, the HMAC key chain.
 */
final class SigV4Verifier {

    static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    record Parsed(String accessKey, String date, String region, String service, List<String> signedHeaders,
                  String signature) {
    }

    private SigV4Verifier() {
    }

    static Parsed parse(String authorization) {
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw new AssertionError("not a SigV4 Authorization header: " + authorization);
        }
        return new Parsed(m.group(1), m.group(2), m.group(3), m.group(4), List.of(m.group(5).split(";")),
                m.group(6));
    }

    /** The signature the request should carry if it was signed with {@code secret}. */
    static String expectedSignature(LoggedRequest request, String secret) {
        Parsed auth = parse(request.getHeader("Authorization"));
        String amzDate = request.getHeader("X-Amz-Date");
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q + 1);
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.getMethod().getName()).append('\n');
        canonical.append(canonicalPath(path)).append('\n');
        canonical.append(canonicalQuery(query)).append('\n');
        for (String header : auth.signedHeaders()) {
            String value = request.getHeader(header);
            if (value == null) {
                throw new AssertionError("signed header " + header + " was not sent");
            }
            canonical.append(header).append(':').append(value.strip().replaceAll(" +", " ")).append('\n');
        }
        canonical.append('\n').append(String.join(";", auth.signedHeaders())).append('\n');
        canonical.append(hex(sha256(request.getBody())));
        String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.add(encode(name) + "=" + encode(value));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
