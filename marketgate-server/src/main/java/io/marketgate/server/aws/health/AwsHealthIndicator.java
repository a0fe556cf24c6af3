package io.marketgate.server.aws.health;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.CallerIdentity;
import io.marketgate.server.aws.config.AwsProperties;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Seller;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Whether AWS (or the simulator) answers for every seller. Part of readiness only, never liveness: an AWS
 * outage must take an instance out of rotation, not get it restarted. Results are cached so probes do not
 * turn into a stream of STS calls (see {@link RefreshingHealthIndicator}).
 */
@Component("aws")
public class AwsHealthIndicator extends RefreshingHealthIndicator {

    private final AwsClients clients;
    private final Catalog catalog;

    public AwsHealthIndicator(AwsClients clients, Catalog catalog, AwsProperties properties, Clock clock) {
        super(properties.healthRefresh(), clock);
        this.clients = clients;
        this.catalog = catalog;
    }

    @Override
    protected Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (Seller seller : catalog.sellers()) {
            try {
                CallerIdentity identity = clients.callerIdentity(seller);
                boolean right = identity.reachesSellerAccount(seller);
                up &= right;
                details.put(
                        seller.id(),
                        right
                                ? "account " + identity.account()
                                : "credentials reach account " + identity.account() + ", expected "
                                        + seller.accountId());
            } catch (SdkException e) {
                up = false;
                details.put(seller.id(), "unreachable: " + e.getClass().getSimpleName());
            }
        }
        return outcome(up, details);
    }
}
