package io.marketgate.server.aws;

import io.marketgate.server.product.Seller;

/** Who a seller's credentials are, as STS GetCallerIdentity reports it. */
public record CallerIdentity(String sellerId, String account, String arn) {

    /** Whether these credentials reach the seller's (publishing) account, the only one that may resolve and meter. */
    public boolean reachesSellerAccount(Seller seller) {
        return account.equals(seller.accountId());
    }
}
