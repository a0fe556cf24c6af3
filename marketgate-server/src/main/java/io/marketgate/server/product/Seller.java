package io.marketgate.server.product;

import java.util.Optional;

/**
 * An AWS account that published listings. Only it may call ResolveCustomer and BatchMeterUsage for them;
 * a seller listing through a reseller, or running Marketgate in another account, assumes a role in it.
 *
 * @param roleArn role to assume in the publishing account, or null for the default credentials chain
 * @param externalId ExternalId for AssumeRole, or null (optional; general IAM practice for third parties)
 * @param stsRegion region of the STS endpoint used for AssumeRole and the identity check
 */
public record Seller(String id, String accountId, String roleArn, String externalId, String stsRegion) {

    public Optional<String> role() {
        return Optional.ofNullable(roleArn);
    }
}
