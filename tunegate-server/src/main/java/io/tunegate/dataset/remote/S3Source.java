package io.tunegate.dataset.remote;

import io.tunegate.dataset.DatasetImportException;
import io.tunegate.dataset.s3.S3Clients;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Opens {@code s3://} objects with the gateway's S3 client (default credential chain). */
final class S3Source {

    private final S3Clients clients;

    S3Source(S3Clients clients) {
        this.clients = clients;
    }

    SourceStream open(RemoteReference.S3Object ref, long maxBytes) {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = clients.get().getObject(b -> b.bucket(ref.bucket()).key(ref.key()));
        } catch (SdkException e) {
            throw failure(ref, e);
        }
        Long length = in.response().contentLength();
        if (length != null && length > maxBytes) {
            in.abort();
            throw DatasetImportException.permanent(ref.display() + ": the object has " + length
                    + " bytes, more than the limit of " + maxBytes);
        }
        return new SourceStream(in, ref.display(), in::abort);
    }

    /** Sorts SDK errors into worth-retrying or not, in words safe to show (error codes, never raw messages). */
    static DatasetImportException failure(RemoteReference.S3Object ref, SdkException e) {
        String where = ref.display() + ": ";
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            if (s3.isThrottlingException() || status == 429 || status == 503) {
                return DatasetImportException.retryable(where + "S3 is throttling requests (HTTP " + status + ")");
            }
            if (status >= 500) {
                return DatasetImportException.retryable(where + "S3 answered HTTP " + status);
            }
            if (status == 404) {
                return DatasetImportException.permanent(where + ("NoSuchBucket".equals(code)
                        ? "no such bucket" : "no such object"));
            }
            if (status == 403) {
                return DatasetImportException.permanent(where + "access denied: the gateway's AWS credentials may"
                        + " not read this object");
            }
            return DatasetImportException.permanent(where + "S3 refused the request (HTTP " + status
                    + (code == null ? "" : " " + code) + ")");
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return DatasetImportException.retryable(where + "S3 did not answer in time");
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().startsWith("Unable to load credentials")) {
            return DatasetImportException.permanent(where + "the gateway has no AWS credentials (default credential"
                    + " chain: environment, profile, container or instance role)");
        }
        return DatasetImportException.retryable(where + "could not reach S3 (" + e.getClass().getSimpleName() + ")");
    }
}
