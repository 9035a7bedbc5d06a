package dev.switchboard.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Switchboard in {@code /actuator/health} on Boot 4 (see {@link SwitchboardHealth}). */
final class SwitchboardHealthIndicator implements HealthIndicator {

    private final SwitchboardHealth health;

    SwitchboardHealthIndicator(SwitchboardHealth health) {
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
