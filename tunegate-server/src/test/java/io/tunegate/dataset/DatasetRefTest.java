package io.tunegate.dataset;

import io.tunegate.dataset.remote.RemoteReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The request-time syntax check of dataset references (no I/O). */
class DatasetRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"ds-0193a0c2-7b1e-7d4a-9f3e-2b8c1d5e6f70", "s3://my-bucket/train.jsonl",
            "s3://my.bucket-1/dir/sub/file with spaces.jsonl", "s3://abc/k", "https://example.com/x.jsonl",
            "https://example.com/x.jsonl?X-Amz-Signature=abc&X-Amz-Expires=60", "HTTPS://Example.com/a",
            "https://example.com:8443/data/train.jsonl", "https://[2606:4700::1]/x"})
    void wellFormedReferencesPass(String reference) {
        assertThat(DatasetRef.checkReference(reference)).as(reference).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ds-123                          | ds- must be followed by a UUID
            s3://                           | bucket name must be 3-63
            s3://Bucket/train.jsonl         | bucket name must be 3-63
            s3://ab/train.jsonl             | bucket name must be 3-63
            s3://-bucket/train.jsonl        | bucket name must be 3-63
            s3://bucket_1/train.jsonl       | bucket name must be 3-63
            s3://my..bucket/train.jsonl     | two adjacent dots
            s3://192.168.1.1/train.jsonl    | look like an IP address
            s3://xn--bucket/train.jsonl     | reserves
            s3://bucket-s3alias/train.jsonl | reserves
            s3://my-bucket                  | must name an object
            s3://my-bucket/                 | must name an object
            s3://my-bucket/dir/             | must name an object
            http://example.com/train.jsonl  | plain http:// is not accepted, use https://
            https://user:pw@example.com/x   | credentials in the https:// URL are not accepted
            https:///train.jsonl            | has no valid host
            https://exa mple.com/x          | not a valid https:// URL
            """)
    void malformedReferencesAreRefusedWithAReason(String reference, String reason) {
        assertThat(DatasetRef.checkReference(reference)).as(reference).get().asString().contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gs://bucket/x.jsonl", "ftp://example.com/x", "file:///etc/passwd", "/data/train.jsonl",
            "train.jsonl", " ", "s3:/bucket/x"})
    void otherFormsAreRefusedNamingTheAcceptedOnes(String reference) {
        assertThat(DatasetRef.checkReference(reference)).as(reference).contains("must be " + RemoteReference.FORMS);
        assertThat(RemoteReference.FORMS).contains("ds-<uuid>", "s3://bucket/key", "https://");
    }

    @Test
    void nullIsRefused() {
        assertThat(DatasetRef.checkReference(null)).isPresent();
    }

    @Test
    void remoteReferencesNameTheirFileAndHideTheirQuery() {
        RemoteReference s3 = RemoteReference.parse("s3://my-bucket/dir/train.jsonl");
        assertThat(s3.filename()).isEqualTo("train.jsonl");
        assertThat(s3.display()).isEqualTo("s3://my-bucket/dir/train.jsonl");
        RemoteReference https = RemoteReference.parse("https://files.example.com:8443/d/my%20train.jsonl?X-Amz-Signature=abc#frag");
        assertThat(https.filename()).isEqualTo("my train.jsonl");
        assertThat(https.display()).isEqualTo("https://files.example.com:8443/d/my%20train.jsonl");
        assertThat(RemoteReference.parse("https://example.com").filename()).isEmpty();
    }
}
