package io.marketgate.simulator.sigv4;

/**
 * Who sent a request, as the simulator understands its credentials.
 *
 * @param accessKeyId the access key of the credential scope, or null for an unsigned request
 * @param accountId the AWS account the access key belongs to (see {@link SigV4#caller})
 * @param region the region of the credential scope; {@value SigV4#DEFAULT_REGION} when unsigned
 * @param service the signing name of the credential scope, or null for an unsigned request
 */
public record Caller(String accessKeyId, String accountId, String region, String service) {}
