package io.marketgate.server.aws.config;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.CallerIdentity;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Seller;
import io.marketgate.server.shared.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Says at startup which account each seller's credentials reach. Credentials that reach another account
 * stop startup: only the publishing account can resolve customers and meter. An unreachable STS is logged
 * and left to the readiness probe, so a network blip does not stop a restart.
 */
final class StartupIdentityCheck implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupIdentityCheck.class);

    private final boolean enabled;
    private final AwsClients clients;
    private final Catalog catalog;

    StartupIdentityCheck(boolean enabled, AwsClients clients, Catalog catalog) {
        this.enabled = enabled;
        this.clients = clients;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            LOG.info("AWS identity check at startup is off (marketgate.aws.verify-identity-at-startup=false)");
            return;
        }
        catalog.sellers().forEach(this::check);
    }

    private void check(Seller seller) {
        CallerIdentity identity;
        try {
            identity = clients.callerIdentity(seller);
        } catch (SdkException e) {
            LOG.warn(
                    "Seller '{}': cannot ask STS which account the credentials reach ({}); readiness stays down "
                            + "until AWS answers",
                    seller.id(),
                    e.getMessage());
            return;
        }
        if (!identity.reachesSellerAccount(seller)) {
            throw new InvalidConfigurationException(
                    "marketgate.sellers." + seller.id() + ".account-id",
                    "credentials reach account " + identity.account() + " (" + identity.arn()
                            + "), not the seller account " + seller.accountId(),
                    "use credentials of the publishing account, or set role-arn to a role in it");
        }
        LOG.info(
                "Seller '{}': credentials reach account {} as {}{}",
                seller.id(),
                identity.account(),
                identity.arn(),
                seller.role().map(r -> " (assumed role " + r + ")").orElse(""));
    }
}
