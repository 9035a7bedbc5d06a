package dev.switchboard.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Switchboard in {@code /actuator/health} on Boot 3, whose health types live in another package. */
final class SwitchboardBoot3HealthIndicator implements HealthIndicator {

    private final SwitchboardHealth health;

    SwitchboardBoot3HealthIndicator(SwitchboardHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        Health.Builder builder = switch (health.state()) {
            case UP -> Health.up();
            case OUT_OF_SERVICE -> Health.outOfService();
            case UNKNOWN -> Health.unknown();
        };
        return builder.withDetails(health.details()).build();
    }
}
