package io.tunegate.security.internal;

import io.tunegate.platform.TunegateSettings;
import io.tunegate.platform.db.EmbeddedDefault;
import io.tunegate.security.ProjectId;
import io.tunegate.security.Projects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes sure a project {@code default} exists with a usable key. With {@code TUNEGATE_BOOTSTRAP_KEY} set,
 * that key is registered. On the embedded default without it, a key is generated once, printed once, and
 * kept in {@code <data-dir>/bootstrap-api-key} (mode 600) so the quickstart survives restarts.
 */
@Component
class DefaultProjectBootstrap implements ApplicationRunner {

    static final String DEFAULT_PROJECT = "default";
    private static final Logger log = LoggerFactory.getLogger(DefaultProjectBootstrap.class);

    private final Projects projects;
    private final TunegateSettings settings;
    private final Environment environment;

    DefaultProjectBootstrap(Projects projects, TunegateSettings settings, Environment environment) {
        this.projects = projects;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String configured = settings.bootstrap().key();
        if (StringUtils.hasText(configured)) {
            if (configured.trim().length() < Projects.MIN_KEY_LENGTH) {
                throw new IllegalStateException("TUNEGATE_BOOTSTRAP_KEY is too short: use at least "
                        + Projects.MIN_KEY_LENGTH + " random characters");
            }
            projects.register(defaultProject(), "bootstrap", configured.trim());
            log.info("Project '{}' accepts the key from TUNEGATE_BOOTSTRAP_KEY", DEFAULT_PROJECT);
            return;
        }
        if (!EmbeddedDefault.isActive(environment)) {
            if (projects.findByName(DEFAULT_PROJECT).isEmpty()) {
                log.warn("No TUNEGATE_BOOTSTRAP_KEY set and no project exists yet: set it to create project '{}'",
                        DEFAULT_PROJECT);
            }
            return;
        }
        Path keyFile = settings.dataDir().resolve("bootstrap-api-key");
        ProjectId project = defaultProject();
        if (Files.exists(keyFile)) {
            projects.register(project, "bootstrap", Files.readString(keyFile).trim());
            log.info("Project '{}' key is kept in {}", DEFAULT_PROJECT, keyFile.toAbsolutePath());
            return;
        }
        if (projects.hasKeys(project)) {
            log.info("Project '{}' already has a key (it was printed when it was generated)", DEFAULT_PROJECT);
            return;
        }
        String key = projects.issueKey(project, "bootstrap").key();
        writeOwnerOnly(keyFile, key);
        // Printed once, on purpose and not through the logger: the quickstart needs it, log shipping does not.
        System.out.printf("%n  Tunegate API key for project '%s' (shown once, kept in %s):%n%n    %s%n%n",
                DEFAULT_PROJECT, keyFile.toAbsolutePath(), key);
    }

    private ProjectId defaultProject() {
        return projects.findByName(DEFAULT_PROJECT).orElseGet(() -> projects.create(DEFAULT_PROJECT));
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the data directory's own permissions apply
        }
    }
}
