package io.tunegate.platform.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code GET /}: what this service is and where to start. Public, and the cheapest answer it gives. */
@RestController
class ServiceInfoController {

    private static final Map<String, String> INFO = Map.of(
            "service", "tunegate",
            "api", "/v1",
            "health", "/actuator/health",
            "metrics", "/actuator/prometheus");

    @GetMapping("/")
    Map<String, String> info() {
        return INFO;
    }
}
