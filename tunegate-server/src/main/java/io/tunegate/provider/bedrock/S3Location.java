package io.tunegate.provider.bedrock;

/** An {@code s3://bucket/prefix} location; the prefix has no leading or trailing slash and may be empty. */
record S3Location(String bucket, String prefix) {

    static S3Location parse(String uri) {
        String value = uri == null ? "" : uri.strip();
        if (!value.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + value + "' is not an s3://bucket/prefix URI");
        }
        String rest = value.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' names no bucket");
        }
        return new S3Location(bucket, prefix);
    }

    S3Location child(String name) {
        return new S3Location(bucket, key(name));
    }

    /** The object key of {@code name} under the prefix. */
    String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    String uri(String name) {
        return "s3://" + bucket + "/" + key(name);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
