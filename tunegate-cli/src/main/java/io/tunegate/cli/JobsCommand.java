package io.tunegate.cli;

import io.tunegate.cli.render.JobText;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.JobListQuery;
import io.tunegate.client.model.Job;
import io.tunegate.client.model.JobStatus;
import io.tunegate.client.model.Page;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "jobs", description = "List jobs, newest first.")
final class JobsCommand extends ApiCommand {

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "Only these statuses (repeat or comma-separate): validating, queued, submitting, "
                    + "running, succeeded, failed, cancelling, cancelled.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--provider", paramLabel = "NAME", description = "Only jobs on this provider.")
    String provider;

    @Option(names = "--name", paramLabel = "JOB_NAME", description = "Only jobs with this job_name.")
    String jobName;

    @Option(names = "--limit", paramLabel = "N", description = "Jobs per page, 1-100 (default 20).")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page: the cursor the last one gave.")
    String cursor;

    @Override
    int run(FineTuningClient client, Output output) {
        JobListQuery query = JobListQuery.all().provider(provider).jobName(jobName).cursor(cursor);
        for (String status : statuses) {
            // a word the client does not know is refused here, before anything is sent (exit 2)
            JobStatus known = JobStatus.fromWire(status);
            if (known == JobStatus.UNKNOWN) {
                throw new UsageProblem("unknown status '" + status + "'");
            }
            query = query.status(known);
        }
        if (limit != null) {
            query = query.limit(limit);
        }
        Page<Job> page = client.listJobs(query);
        if (output.json()) {
            output.printJson(page);
        } else {
            output.print(JobText.list(page));
        }
        return ExitCodes.OK;
    }
}
