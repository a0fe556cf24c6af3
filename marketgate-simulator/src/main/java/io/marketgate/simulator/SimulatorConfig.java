package io.marketgate.simulator;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator runs. Built with {@link Simulator#builder()}; every value has a local-use default.
 *
 * @param bindAddress where the HTTP port listens; loopback by default because the control API has no
 *     authentication
 * @param port the one HTTP port for the AWS APIs, buyer pages and control API (0 picks a free port)
 * @param sqsEnabled whether to start embedded ElasticMQ for SNS/EventBridge delivery
 * @param sqsPort ElasticMQ's port (0 picks a free port)
 * @param seed makes generated ids and injected faults reproducible
 * @param tokenTtl how long a registration token resolves
 * @param cancelGrace how long metering is still accepted after a buyer cancels
 * @param meteringRequestsPerSecond the BatchMeterUsage quota per account (AWS: 10)
 * @param strictSignatures check SigV4 scopes (service {@code aws-marketplace}, region) instead of
 *     accepting any credentials; also makes STS refuse roles not registered through the control API
 * @param defaultAccountId the account of every access key the simulator did not issue through STS
 *     AssumeRole and that is not itself 12 digits (a 12-digit access key is that account)
 */
public record SimulatorConfig(
        InetAddress bindAddress,
        int port,
        boolean sqsEnabled,
        int sqsPort,
        Clock clock,
        long seed,
        Duration tokenTtl,
        Duration cancelGrace,
        int meteringRequestsPerSecond,
        boolean strictSignatures,
        String defaultAccountId) {

    public static final int DEFAULT_PORT = 4599;
    public static final String DEFAULT_ACCOUNT_ID = "111122223333";
    public static final int DEFAULT_SQS_PORT = 9324;
}
