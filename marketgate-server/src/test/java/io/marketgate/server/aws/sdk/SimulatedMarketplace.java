package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.AwsEndpoints;
import io.marketgate.server.aws.JvmCredentials;
import io.marketgate.server.aws.RecordingProxy;
import io.marketgate.server.product.Dimension;
import io.marketgate.server.product.DimensionType;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.product.Product;
import io.marketgate.server.product.Seller;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.EntitlementGrant;
import io.marketgate.simulator.state.SimState;
import io.marketgate.simulator.state.SubscribeOptions;
import io.marketgate.simulator.sts.RegisteredRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The embedded simulator behind a {@link RecordingProxy}, one contract-with-consumption product per identity
 * mode, and the {@link AwsClients} the adapters under test use: the real SDK over HTTP.
 */
final class SimulatedMarketplace implements AutoCloseable {

    static final String PUBLISHER = "111122223333";
    /** Where Marketgate runs when a reseller's seller reaches the publishing account through a role. */
    static final String APP_ACCOUNT = "777788889999";

    static final String ROLE = "arn:aws:iam::" + PUBLISHER + ":role/marketplace";
    static final String EXTERNAL_ID = "partner-42";

    final Simulator sim;
    final RecordingProxy proxy;
    private final JvmCredentials appCredentials;
    private final AwsClients clients;
    private final Seller seller;

    private SimulatedMarketplace(boolean throughRole, Duration apiCallTimeout) {
        sim = Simulator.builder().port(0).seed(11).build().start();
        proxy = RecordingProxy.to(sim.endpoint());
        appCredentials = throughRole ? JvmCredentials.ofAccount(APP_ACCOUNT) : null;
        sim.stsRoles().register(new RegisteredRole(ROLE, EXTERNAL_ID));
        seller = throughRole
                ? new Seller("reseller", PUBLISHER, ROLE, EXTERNAL_ID, "us-east-1")
                : new Seller("acme", PUBLISHER, null, null, "us-east-1");
        clients = new AwsClients(
                new AwsEndpoints(Optional.of(proxy.endpoint()), Optional.empty(), !throughRole),
                ApacheHttpClient.builder().build(),
                apiCallTimeout);
        for (IdentityMode mode : IdentityMode.values()) {
            putProduct(mode);
        }
    }

    /** The seller signs with the publishing account's own credentials. */
    static SimulatedMarketplace direct() {
        return new SimulatedMarketplace(false, Duration.ofSeconds(10));
    }

    /** Marketgate runs in another account and assumes a role in the publishing account with an ExternalId. */
    static SimulatedMarketplace throughRole() {
        return new SimulatedMarketplace(true, Duration.ofSeconds(10));
    }

    static SimulatedMarketplace withApiCallTimeout(Duration timeout) {
        return new SimulatedMarketplace(false, timeout);
    }

    AwsClients clients() {
        return clients;
    }

    SimState state() {
        return sim.state();
    }

    static String productCode(IdentityMode mode) {
        return "acme-" + mode.value();
    }

    /** The server's view of the product sold in {@code mode}. */
    Product product(IdentityMode mode) {
        return product(mode, seller);
    }

    Product product(IdentityMode mode, Seller sellingAs) {
        return new Product(
                mode.value(),
                productCode(mode),
                sellingAs,
                mode,
                PricingModel.CONTRACT_WITH_CONSUMPTION,
                "us-east-1",
                List.of(
                        new Dimension("seats", "Seats", DimensionType.ENTITLEMENT),
                        new Dimension("users", "Active users", DimensionType.METERED)),
                Onboarding.AUTOMATIC,
                null);
    }

    SimState.Subscription subscribe(IdentityMode mode, String buyer, EntitlementGrant... grants) {
        return sim.state()
                .subscribe(productCode(mode), buyer, new SubscribeOptions(null, null, null, List.of(grants), true));
    }

    SimState.Subscription subscribe(IdentityMode mode, String buyer, SubscribeOptions options) {
        return sim.state().subscribe(productCode(mode), buyer, options);
    }

    /** The key AWS knows a subscription's buyer by, every field filled. */
    AwsCustomerKey key(SimState.Subscription subscription) {
        String account = subscription.agreement().buyerAccountId();
        return new AwsCustomerKey(
                sim.state().buyer(account).customerIdentifier(),
                account,
                subscription.agreement().licenseArn());
    }

    /** Injects faults into one operation through the control API ({@code PUT /_sim/faults/{operation}}). */
    void fault(String operation, String specJson) {
        control("PUT", "/_sim/faults/" + operation, specJson);
    }

    /** Makes every {@code n}-th page of GetEntitlements empty but with a NextToken ({@code PUT /_sim/entitlements}). */
    void emptyEntitlementPageEvery(int n) {
        control("PUT", "/_sim/entitlements", "{\"emptyPageEvery\": " + n + "}");
    }

    private void control(String method, String path, String body) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(sim.endpoint().resolve(path))
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI endpoint() {
        return proxy.endpoint();
    }

    private void putProduct(IdentityMode mode) {
        sim.state()
                .putProduct(new io.marketgate.simulator.state.Product(
                        productCode(mode),
                        "Acme " + mode.value(),
                        PUBLISHER,
                        io.marketgate.simulator.state.IdentityMode.valueOf(
                                mode.name().toUpperCase(Locale.ROOT)),
                        io.marketgate.simulator.state.PricingModel.CONTRACT_WITH_CONSUMPTION,
                        List.of(
                                new io.marketgate.simulator.state.Dimension("seats", "Seats", false),
                                new io.marketgate.simulator.state.Dimension("users", "Active users", true)),
                        null,
                        null,
                        null));
    }

    @Override
    public void close() {
        clients.close();
        if (appCredentials != null) {
            appCredentials.close();
        }
        proxy.close();
        sim.close();
    }
}
