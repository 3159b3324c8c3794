package io.tunegate.platform.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

    @Test
    void keepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        try (var server = EmbeddedPostgresServer.start(dir.resolve("pg"))) {
            try (var c = DriverManager.getConnection(server.jdbcUrl())) {
                c.createStatement().execute("create table kept(v int); insert into kept values (42)");
            }
        }
        try (var server = EmbeddedPostgresServer.start(dir.resolve("pg"))) {
            try (var c = DriverManager.getConnection(server.jdbcUrl());
                 var rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void commitsAreDurable(@TempDir Path dir) throws Exception {
        try (var server = EmbeddedPostgresServer.start(dir.resolve("pg"));
             var c = DriverManager.getConnection(server.jdbcUrl());
             var rs = c.createStatement().executeQuery(
                     "select current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
        }
    }
}
