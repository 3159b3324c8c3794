package io.tunegate.dataset.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** An {@code s3://bucket/key} or {@code https://} dataset reference, checked for syntax only. */
public sealed interface RemoteReference {

    /** Accepted forms, for messages. */
    String FORMS = "a dataset id (ds-<uuid>), an s3://bucket/key URI or an https:// URL";

    /** How the reference may be shown in messages and logs: no query string, no credentials. */
    String display();

    /** The last path segment, to name the dataset. */
    String filename();

    /**
     * Parses a reference.
     *
     * @throws IllegalArgumentException with a message for the user when it is not a valid one
     */
    static RemoteReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("must be " + FORMS);
        }
        String lower = reference.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://")) {
            return S3Object.parse(reference);
        }
        if (lower.startsWith("https://")) {
            return HttpsUrl.parse(reference);
        }
        if (lower.startsWith("http://")) {
            throw new IllegalArgumentException("plain http:// is not accepted, use https://; must be " + FORMS);
        }
        throw new IllegalArgumentException("must be " + FORMS);
    }

    record S3Object(String bucket, String key) implements RemoteReference {

        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        private static final Pattern IPV4 = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

        static S3Object parse(String reference) {
            String rest = reference.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            String bucketProblem = bucketProblem(bucket);
            if (bucketProblem != null) {
                throw new IllegalArgumentException("s3:// bucket name " + bucketProblem);
            }
            if (key.isEmpty() || key.endsWith("/")) {
                throw new IllegalArgumentException("an s3:// URI must name an object: s3://bucket/path/to/file.jsonl");
            }
            if (key.getBytes(StandardCharsets.UTF_8).length > 1024 || key.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the s3:// object key must be at most 1024 bytes without control characters");
            }
            return new S3Object(bucket, key);
        }

        /** The S3 bucket naming rules for general purpose buckets; null when the name follows them. */
        private static String bucketProblem(String bucket) {
            if (!BUCKET.matcher(bucket).matches()) {
                return "must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit";
            }
            if (bucket.contains("..") || IPV4.matcher(bucket).matches()) {
                return "must not contain two adjacent dots or look like an IP address";
            }
            if (bucket.startsWith("xn--") || bucket.startsWith("sthree-") || bucket.startsWith("amzn-s3-demo-")
                    || bucket.endsWith("-s3alias") || bucket.endsWith("--ol-s3") || bucket.endsWith(".mrap")
                    || bucket.endsWith("--x-s3") || bucket.endsWith("--table-s3")) {
                return "uses a prefix or suffix S3 reserves";
            }
            return null;
        }

        @Override
        public String display() {
            return "s3://" + bucket + "/" + key;
        }

        @Override
        public String filename() {
            return key.substring(key.lastIndexOf('/') + 1);
        }
    }

    record HttpsUrl(URI uri) implements RemoteReference {

        static HttpsUrl parse(String reference) {
            if (reference.length() > 4096) {
                throw new IllegalArgumentException("the https:// URL is longer than 4096 characters");
            }
            URI uri;
            try {
                uri = new URI(reference);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid https:// URL (characters such as spaces must be"
                        + " percent-encoded)");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("the https:// URL has no valid host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("credentials in the https:// URL are not accepted");
            }
            return new HttpsUrl(uri);
        }

        @Override
        public String display() {
            return display(uri);
        }

        /** {@code scheme://host[:port]/path}: the query (which may hold a signature) and any user info left out. */
        public static String display(URI uri) {
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + path;
        }

        @Override
        public String filename() {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            try {
                return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return last;
            }
        }
    }
}
