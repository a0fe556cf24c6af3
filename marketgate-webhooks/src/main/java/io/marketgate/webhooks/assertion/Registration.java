package io.marketgate.webhooks.assertion;

/**
 * Who finished registration: the facts a registration assertion carries to the seller's application.
 *
 * @param customerId the Marketgate customer id; use it with the Marketgate API ({@code /v1/customers/{id}})
 * @param productId the Marketgate product id the buyer subscribed to
 * @param awsAccountId the buyer's AWS account id ({@code CustomerAWSAccountId})
 * @param licenseArn the AWS license ARN, or null when ResolveCustomer returned none
 * @param customerIdentifier the legacy {@code CustomerIdentifier}, or null (products in the {@code license} mode may
 *     have none)
 * @param tenantId the seller's tenant id already linked to this customer, or null when the seller's application is
 *     expected to create or pick one
 */
public record Registration(
        String customerId,
        String productId,
        String awsAccountId,
        String licenseArn,
        String customerIdentifier,
        String tenantId) {

    public Registration {
        requireText(customerId, "customerId");
        requireText(productId, "productId");
        requireText(awsAccountId, "awsAccountId");
        optionalText(licenseArn, "licenseArn");
        optionalText(customerIdentifier, "customerIdentifier");
        optionalText(tenantId, "tenantId");
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static void optionalText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(field + " must be null or non-blank");
        }
    }
}
