package io.marketgate.server.aws.health;

import java.net.URI;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Present (as {@code simulator}, part of readiness) only while AWS calls go to a simulator, embedded or
 * through an endpoint override, so anyone looking at readiness sees that nothing is billed.
 */
public final class SimulatorHealthIndicator implements HealthIndicator {

    public static final String NAME = "simulator";

    private final URI endpoint;
    private final boolean embedded;

    public SimulatorHealthIndicator(URI endpoint, boolean embedded) {
        this.endpoint = endpoint;
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("endpoint", endpoint.toString())
                .withDetail("embedded", embedded)
                .withDetail("billing", "none: AWS calls go to the AWS Marketplace simulator")
                .build();
    }
}
