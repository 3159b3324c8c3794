package io.tunegate.support;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real S3 server (S3Proxy, in-memory store) in the test JVM on a loopback port: requests are signed and
 * checked (SigV4), and multipart uploads and part copies behave as on S3. One per JVM, started on first use.
 */
public final class S3TestServer {

    public static final String ACCESS_KEY = "tunegate-test-key";
    public static final String SECRET_KEY = "tunegate-test-secret";

    private static S3TestServer shared;

    private final S3Proxy proxy;
    private final S3Client client;

    private S3TestServer() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
        client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public static synchronized S3TestServer shared() {
        if (shared == null) {
            try {
                shared = new S3TestServer();
            } catch (Exception e) {
                throw new IllegalStateException("S3 test server did not start", e);
            }
        }
        return shared;
    }

    /**
     * Makes the AWS default credential chain find this server's keys (as system properties, the chain's
     * second source), and keeps it off the instance metadata service.
     */
    public S3TestServer asDefaultCredentials() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.disableEc2Metadata", "true");
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A client with the server's keys, path-style, as a test's own view of the bucket. */
    public S3Client client() {
        return client;
    }

    public S3TestServer bucket(String name) {
        if (!client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(name))) {
            client.createBucket(b -> b.bucket(name));
        }
        return this;
    }

    public void put(String bucket, String key, byte[] content) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    public List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    public int pendingUploads(String bucket) {
        return client.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }
}
