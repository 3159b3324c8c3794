package io.tunegate.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.platform.web.Problems;
import io.tunegate.security.ProjectId;
import io.tunegate.security.Projects;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Bearer API key authentication for the API. Lookups are cached briefly (a revoked key stops working
 * within {@code CACHE_TTL}) so the hot read path costs no extra query.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String PROJECT_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".project";
    private static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final Projects projects;
    private final JsonMapper json;
    private final String unguardedPrefix;
    private final Cache<String, Optional<ProjectId>> cache = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(CACHE_TTL).build();

    /** @param unguardedPrefix requests under this path are not checked here (they authenticate otherwise) */
    ApiKeyAuthenticationFilter(Projects projects, JsonMapper json, String unguardedPrefix) {
        this.projects = projects;
        this.json = json;
        this.unguardedPrefix = unguardedPrefix;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded, normalised path the request is dispatched on (not the raw URI, which may hide "..")
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return unguardedPrefix != null && path.startsWith(unguardedPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 512) {
            reject(response, "Send your API key as 'Authorization: Bearer <key>'.");
            return;
        }
        String key = header.substring(7).trim();
        Optional<ProjectId> project = cache.get(key, projects::authenticate);
        if (project.isEmpty()) {
            reject(response, "The API key is not valid.");
            return;
        }
        request.setAttribute(PROJECT_ATTRIBUTE, project.get());
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tunegate\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(ProblemType.UNAUTHENTICATED, detail));
    }
}
