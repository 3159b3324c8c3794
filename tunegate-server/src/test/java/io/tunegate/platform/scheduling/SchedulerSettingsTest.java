package io.tunegate.platform.scheduling;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerSettingsTest {

    @Test
    void byDefaultWorkOfADeadInstanceIsTakenOverWithinAMinute() {
        SchedulerSettings defaults = new Binder(List.of())
                .bindOrCreate("tunegate.scheduler", Bindable.of(SchedulerSettings.class));
        // the lease, plus the interval of db-scheduler's dead-execution check (2 x heartbeat), plus one poll
        Duration worstCase = defaults.heartbeatInterval().multipliedBy(defaults.missedHeartbeatsLimit())
                .plus(defaults.heartbeatInterval().multipliedBy(2)).plus(defaults.pollingInterval());
        assertThat(worstCase).isLessThan(Duration.ofSeconds(60));
    }
}
