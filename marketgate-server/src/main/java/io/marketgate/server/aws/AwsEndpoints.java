package io.marketgate.server.aws;

import java.net.URI;
import java.util.Optional;

/**
 * Where the AWS clients connect. Empty overrides mean AWS's own regional endpoints.
 *
 * @param marketplace override for Metering, Entitlement and STS (the simulator serves all three on one port)
 * @param sqs override for SQS (the simulator's embedded ElasticMQ)
 * @param simulatorCredentials sign with a fixed key per seller account (the simulator maps an access key of
 *     12 digits to that account) instead of the default credentials chain
 */
public record AwsEndpoints(Optional<URI> marketplace, Optional<URI> sqs, boolean simulatorCredentials) {

    public static AwsEndpoints simulator(URI marketplace, URI sqs) {
        return new AwsEndpoints(Optional.of(marketplace), Optional.of(sqs), true);
    }
}
