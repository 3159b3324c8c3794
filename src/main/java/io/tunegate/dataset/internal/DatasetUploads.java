package io.tunegate.dataset.internal;

import io.tunegate.dataset.DatasetRef;
import io.tunegate.dataset.DatasetSettings;
import io.tunegate.dataset.DatasetView;
import io.tunegate.dataset.Datasets;
import io.tunegate.dataset.analysis.AnalyzerSettings;
import io.tunegate.dataset.analysis.DatasetAnalyzer;
import io.tunegate.dataset.analysis.DatasetReport;
import io.tunegate.dataset.storage.ContentStore;
import io.tunegate.platform.Ids;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ListPage;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.security.ProjectId;
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
 * held in memory or read twice.
 */
@Service
public class DatasetUploads implements Datasets {

    private final ContentStore store;
    private final DatasetStore datasets;
    private final ExecutorService analysisWorkers;
    private final DatasetSettings settings;
    private final Clock clock;
    private final AnalysisPlanner planner;

    DatasetUploads(ContentStore store, DatasetStore datasets, ExecutorService datasetAnalysisWorkers,
                   DatasetSettings settings, Clock clock, AnalysisPlanner planner) {
        this.planner = planner;
        this.store = store;
        this.datasets = datasets;
        this.analysisWorkers = datasetAnalysisWorkers;
        this.settings = settings;
        this.clock = clock;
    }

    public DatasetView upload(ProjectId project, String filename, String baseModel, InputStream body) throws IOException {
        AnalyzerSettings analyzerSettings = planner.settingsFor(baseModel);
        MessageDigest sha256 = sha256();
        try (ContentStore.Staging staging = store.stage()) {
            TeeInputStream tee = new TeeInputStream(body, staging.output(), sha256, settings.maxUploadSize().toBytes());
            DatasetReport report;
            try {
                report = new DatasetAnalyzer(analyzerSettings, analysisWorkers).analyze(tee);
            } catch (TeeInputStream.UploadTooLargeException e) {
                throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
            }
            if (tee.count() == 0) {
                throw ApiException.invalid("body", "the dataset is empty: send JSONL, one example per line");
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            String key = staging.commit(hash);
            DatasetRecord dataset = new DatasetRecord(Ids.newId(), project.value(), filename, hash, tee.count(), key,
                    report, clock.instant());
            datasets.insert(dataset);
            return view(dataset, true);
        }
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

    private static DatasetView view(DatasetRecord d, boolean withReport) {
        DatasetReport r = d.report();
        return new DatasetView(DatasetRef.of(d.id()), "dataset", d.filename(), d.bytes(), d.sha256(),
                r.valid() ? "valid" : "invalid", r.format(), r.examples(), r.tokens().tokenizer(), d.createdAt(),
                withReport ? r : null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
