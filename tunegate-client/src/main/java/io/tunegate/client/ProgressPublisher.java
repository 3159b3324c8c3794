package io.tunegate.client;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A body that reports the bytes the HTTP client takes from it. The client pulls buffers as it writes them to the
 * connection (reactive demand), so the count follows the upload rather than a read-ahead of the whole file.
 */
final class ProgressPublisher implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher delegate;
    private final UploadProgressListener listener;
    private final long total;

    ProgressPublisher(HttpRequest.BodyPublisher delegate, UploadProgressListener listener) {
        this.delegate = delegate;
        this.listener = listener;
        this.total = delegate.contentLength();
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        delegate.subscribe(new Flow.Subscriber<>() {
            private long sent;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                int bytes = item.remaining();
                subscriber.onNext(item);
                sent += bytes;
                listener.onProgress(sent, total);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
