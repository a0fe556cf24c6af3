package io.marketgate.server.aws;

/** What ResolveCustomer answered for one registration token. */
public sealed interface Resolution {

    /**
     * AWS resolved the token. LicenseArn and CustomerAWSAccountId are read in every identity mode (they are
     * what a later move to license-based metering needs).
     *
     * @param productCode the product the buyer subscribed to; the caller checks it against the product
     * @param customerIdentifier legacy customer id, null for new (license) integrations
     * @param customerAwsAccountId the buyer's AWS account
     * @param licenseArn the buyer's license (one account may hold several), null where AWS sent none
     */
    record Resolved(String productCode, String customerIdentifier, String customerAwsAccountId, String licenseArn)
            implements Resolution {}

    /** InvalidTokenException: unknown token, or a call not signed by the publishing account. Not retryable. */
    record InvalidToken(String message) implements Resolution {}

    /** ExpiredTokenException: the buyer must use "Set up your account" again. Not retryable. */
    record ExpiredToken(String message) implements Resolution {}

    /** Throttling, 5xx, timeouts, network or credential failures: the buyer may retry later. */
    record Unavailable(String message) implements Resolution {}
}
