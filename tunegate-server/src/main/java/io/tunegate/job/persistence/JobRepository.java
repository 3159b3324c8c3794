package io.tunegate.job.persistence;

import io.tunegate.job.domain.Job;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface JobRepository extends JpaRepository<Job, UUID>, JpaSpecificationExecutor<Job> {

    Optional<Job> findByIdAndProjectId(UUID id, UUID projectId);

    /** Active jobs following this provider job (normally one); the partial index on active jobs serves it. */
    @Query(value = """
            select id from jobs where provider = :provider and provider_job_id = :providerJobId
              and status not in ('succeeded', 'failed', 'cancelled')""", nativeQuery = true)
    List<UUID> findActiveIdsByProviderJob(@Param("provider") String provider,
                                          @Param("providerJobId") String providerJobId);
}
