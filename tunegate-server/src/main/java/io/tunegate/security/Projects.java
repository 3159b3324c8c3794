package io.tunegate.security;

import io.tunegate.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Projects and their API keys. Keys are random, shown once, and stored only as SHA-256 hashes. */
@Service
public class Projects {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_PREFIX = "tg_";
    public static final int MIN_KEY_LENGTH = 20;

    private final JdbcClient jdbc;

    Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public ProjectId create(String name) {
        UUID id = Ids.newId();
        jdbc.sql("insert into projects (id, name, created_at) values (?, ?, ?)")
                .params(id, name, Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return new ProjectId(id);
    }

    public Optional<ProjectId> findByName(String name) {
        return jdbc.sql("select id from projects where name = ?").param(name)
                .query(UUID.class).optional().map(ProjectId::new);
    }

    @Transactional
    public IssuedKey issueKey(ProjectId project, String keyName) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return register(project, keyName, key);
    }

    /** Registers a key chosen by the operator (TUNEGATE_BOOTSTRAP_KEY); a no-op if it is already known. */
    @Transactional
    public IssuedKey register(ProjectId project, String keyName, String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("An API key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        // enough to tell keys apart in a listing, far too little to guess the rest
        String prefix = key.substring(0, 7);
        jdbc.sql("""
                        insert into api_keys (id, project_id, name, key_prefix, key_hash, created_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (key_hash) do nothing""")
                .params(Ids.newId(), project.value(), keyName, prefix, ApiKeyHash.of(key),
                        Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return new IssuedKey(project, key, prefix);
    }

    public boolean hasKeys(ProjectId project) {
        return jdbc.sql("select count(*) from api_keys where project_id = ? and revoked_at is null")
                .param(project.value()).query(Long.class).single() > 0;
    }

    /** The project of an active key, if any. */
    public Optional<ProjectId> authenticate(String key) {
        return jdbc.sql("select project_id from api_keys where key_hash = ? and revoked_at is null")
                .param(ApiKeyHash.of(key))
                .query(UUID.class).optional().map(ProjectId::new);
    }
}
