package io.tunegate.support;

import io.tunegate.security.Projects;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the HTTP-level tests: each test acts as a fresh project of its own. */
@GatewayTest
public abstract class GatewayIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected Projects projects;
    @Autowired
    protected JdbcClient jdbc;

    protected TestApi api;

    @BeforeEach
    void actAsANewProject() {
        api = TestApi.newProject(port, projects);
    }
}
