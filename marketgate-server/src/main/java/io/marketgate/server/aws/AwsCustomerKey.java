package io.marketgate.server.aws;

/**
 * How AWS knows one buyer of one product; which field is the key depends on the product's identity mode.
 *
 * @param customerIdentifier legacy customer id, or null
 * @param customerAwsAccountId the buyer's AWS account, or null where unknown (legacy SNS flows)
 * @param licenseArn the buyer's license, normalised with its {@code arn:} prefix, or null
 */
public record AwsCustomerKey(String customerIdentifier, String customerAwsAccountId, String licenseArn) {}
