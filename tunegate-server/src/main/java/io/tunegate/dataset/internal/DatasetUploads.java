package io.tunegate.dataset.internal;

import io.tunegate.dataset.DatasetImportException;
import io.tunegate.dataset.DatasetRef;
import io.tunegate.dataset.DatasetSettings;
import io.tunegate.dataset.DatasetView;
import io.tunegate.dataset.Datasets;
import io.tunegate.dataset.analysis.AnalyzerSettings;
import io.tunegate.dataset.analysis.DatasetAnalyzer;
import io.tunegate.dataset.analysis.DatasetReport;
import io.tunegate.dataset.remote.RemoteObject;
import io.tunegate.dataset.remote.RemoteReadException;
import io.tunegate.dataset.remote.RemoteReference;
import io.tunegate.dataset.remote.RemoteSettings;
import io.tunegate.dataset.remote.RemoteSources;
import io.tunegate.dataset.storage.ContentStore;
import io.tunegate.platform.Ids;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ListPage;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.security.ProjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Takes an upload in one pass: the analyzer reads the request body through a tee that stores and hashes
 * every byte it reads, so the file is validated, counted, stored and addressed by its SHA-256 without being
 * held in memory or read twice. Imports from {@code s3://} and {@code https://} take the same pass.
 */
@Service
public class DatasetUploads implements Datasets {

    private static final Logger log = LoggerFactory.getLogger(DatasetUploads.class);
    private static final int MAX_BASE_MODEL_LENGTH = 200;

    private final ContentStore store;
    private final DatasetStore datasets;
    private final ExecutorService analysisWorkers;
    private final DatasetSettings settings;
    private final RemoteSources sources;
    private final RemoteSettings remoteSettings;
    private final Clock clock;
    private final AnalysisPlanner planner;
    private final ProviderChecks checks;

    DatasetUploads(ContentStore store, DatasetStore datasets, ExecutorService datasetAnalysisWorkers,
                   DatasetSettings settings, RemoteSources sources, RemoteSettings remoteSettings, Clock clock,
                   AnalysisPlanner planner, ProviderChecks checks) {
        this.planner = planner;
        this.checks = checks;
        this.sources = sources;
        this.remoteSettings = remoteSettings;
        this.store = store;
        this.datasets = datasets;
        this.analysisWorkers = datasetAnalysisWorkers;
        this.settings = settings;
        this.clock = clock;
    }

    public DatasetView upload(ProjectId project, String filename, String baseModel, InputStream body) throws IOException {
        if (baseModel != null && baseModel.strip().length() > MAX_BASE_MODEL_LENGTH) {
            throw ApiException.invalid("base_model", "must be at most " + MAX_BASE_MODEL_LENGTH + " characters");
        }
        try {
            return view(ingest(project, filename, baseModel, body, settings.maxUploadSize().toBytes()), true);
        } catch (TeeInputStream.UploadTooLargeException e) {
            throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
        } catch (EmptyDatasetException e) {
            throw ApiException.invalid("body", "the dataset is empty: send JSONL, one example per line");
        }
    }

    /**
     * Streams an {@code s3://} object or {@code https://} file through the same single pass as an upload and
     * records it as a dataset named after the last path segment. A {@code ds-} reference is looked up instead.
     */
    @Override
    public DatasetSummary importReference(ProjectId project, String reference, String baseModel) {
        if (DatasetRef.looksLikeOne(reference)) {
            return find(project, reference).orElseThrow(() ->
                    DatasetImportException.permanent("no dataset " + reference + " in this project"));
        }
        RemoteReference remote;
        try {
            remote = RemoteReference.parse(reference);
        } catch (IllegalArgumentException e) {
            throw DatasetImportException.permanent(e.getMessage());
        }
        long limit = remoteSettings.maxBytes() != null ? remoteSettings.maxBytes().toBytes()
                : settings.maxUploadSize().toBytes();
        String where = remote.display() + ": ";
        try (RemoteObject file = sources.open(remote, limit)) {
            DatasetRecord dataset = ingest(project, filename(file.filename()), baseModel, file.body(), limit);
            log.info("Imported {} as {} ({} bytes, sha256 {})", remote.display(), DatasetRef.of(dataset.id()),
                    dataset.bytes(), dataset.sha256());
            return summary(dataset);
        } catch (TeeInputStream.UploadTooLargeException e) {
            throw DatasetImportException.permanent(where + "the file is larger than the limit of " + limit + " bytes");
        } catch (EmptyDatasetException e) {
            throw DatasetImportException.permanent(where + "the file is empty");
        } catch (RemoteReadException e) {
            throw DatasetImportException.retryable(e.getMessage());
        } catch (IOException e) {
            // the source was read fine: storing it failed
            log.warn("Storing the import of {} failed", remote.display(), e);
            throw DatasetImportException.retryable(where + "storing the dataset failed");
        }
    }

    /** Validates, counts, hashes and stores in one pass, then records the dataset. */
    private DatasetRecord ingest(ProjectId project, String filename, String requestedModel, InputStream body, long limit)
            throws IOException {
        // kept with the dataset (its checks follow it); blank means none
        String baseModel = requestedModel == null || requestedModel.isBlank() ? null : requestedModel.strip();
        AnalyzerSettings analyzerSettings = planner.settingsFor(baseModel);
        MessageDigest sha256 = sha256();
        try (ContentStore.Staging staging = store.stage()) {
            TeeInputStream tee = new TeeInputStream(body, staging.output(), sha256, limit);
            DatasetReport report = new DatasetAnalyzer(analyzerSettings, analysisWorkers).analyze(tee);
            if (tee.count() == 0) {
                throw new EmptyDatasetException();
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            String key = staging.commit(hash);
            DatasetRecord dataset = new DatasetRecord(Ids.newId(), project.value(), filename, hash, tee.count(), key,
                    baseModel, report, clock.instant());
            datasets.insert(dataset);
            return dataset;
        }
    }

    private static String filename(String lastSegment) {
        String name = lastSegment == null ? "" : lastSegment.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return "dataset.jsonl";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    public DatasetView get(ProjectId project, String reference) {
        return DatasetRef.parse(reference).flatMap(id -> datasets.find(project.value(), id))
                .map(d -> view(d, true))
                .orElseThrow(() -> ApiException.notFound("Dataset " + reference));
    }

    public ListPage<DatasetView> list(ProjectId project, String cursor, int limit) {
        UUID before = cursor == null ? null : DatasetRef.parse(cursor)
                .orElseThrow(() -> ApiException.invalid("cursor", "must be a cursor returned by an earlier page"));
        List<DatasetView> rows = datasets.list(project.value(), before, limit + 1).stream()
                .map(d -> view(d, false)).toList();
        return ListPage.fromOverfetch(rows, limit, DatasetView::id);
    }

    @Override
    public Optional<DatasetSummary> find(ProjectId project, String reference) {
        return DatasetRef.parse(reference).flatMap(id -> datasets.find(project.value(), id))
                .map(DatasetUploads::summary);
    }

    static DatasetSummary summary(DatasetRecord d) {
        DatasetReport r = d.report();
        return new DatasetSummary(DatasetRef.of(d.id()), r.valid(), r.examples(), r.format(), d.sha256(), d.bytes(),
                r.tokens().figures());
    }

    DatasetView view(DatasetRecord d, boolean withReport) {
        DatasetReport r = d.report();
        return new DatasetView(DatasetRef.of(d.id()), "dataset", d.filename(), d.bytes(), d.sha256(),
                r.valid() ? "valid" : "invalid", r.format(), r.examples(), r.tokens().tokenizer(), d.baseModel(),
                d.createdAt(), withReport ? r : null,
                withReport ? checks.check(d.baseModel(), d.bytes(), r) : null);
    }

    /** Nothing was read: nothing is stored. */
    private static final class EmptyDatasetException extends IOException {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
