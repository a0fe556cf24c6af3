package io.marketgate.server.aws.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded AWS Marketplace simulator ({@code marketgate.simulator.*}). It exists for local use: it
 * starts when no product is configured (the demo) or when {@code embedded} is set to true, never otherwise.
 *
 * @param embedded start the simulator inside Marketgate; unset means "only for the demo catalogue"
 * @param bindAddress where its port listens; must be a loopback address (its control API and STS have no
 *     authentication) unless {@code allowRemote}
 * @param port its HTTP port (AWS APIs, buyer pages, control API)
 * @param sqsPort the port of its embedded SQS (ElasticMQ)
 * @param seed makes its generated ids and injected faults reproducible; unset for a random seed
 * @param allowRemote accept a non-loopback {@code bindAddress} (wildcard included), exposing the
 *     unauthenticated simulator to the network on purpose
 */
@ConfigurationProperties("marketgate.simulator")
public record SimulatorProperties(
        Boolean embedded,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("4599") int port,
        @DefaultValue("9324") int sqsPort,
        Long seed,
        @DefaultValue("false") boolean allowRemote) {}
