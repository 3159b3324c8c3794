package io.tunegate.job.web;

import io.tunegate.cost.Quote;
import io.tunegate.job.JobRequest;
import io.tunegate.job.internal.JobCommands;
import io.tunegate.security.ProjectId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/estimates}: the body of a job, priced on every provider that offers its base model, with
 * what {@code provider: "auto"} would choose. Creates nothing and reserves nothing.
 */
@RestController
class EstimateController {

    private final JobCommands commands;

    EstimateController(JobCommands commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/v1/estimates", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Quote estimate(ProjectId project, @RequestBody JobRequest request) {
        return commands.estimate(project, request);
    }
}
