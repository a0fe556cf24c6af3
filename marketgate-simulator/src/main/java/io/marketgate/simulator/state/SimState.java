package io.marketgate.simulator.state;

import io.marketgate.simulator.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Everything the simulated AWS Marketplace knows: products, buyers, agreements and registration tokens.
 * Changes to agreements are announced to listeners (the notification channels) after they are made.
 */
public final class SimState {

    private final SimClock clock;
    private final SimIds ids;
    private final Duration tokenTtl;
    private final Duration cancelGrace;
    private final Map<String, Product> products = new ConcurrentHashMap<>();
    private final Map<String, Buyer> buyers = new ConcurrentHashMap<>();
    private final Map<String, Agreement> agreements = new ConcurrentHashMap<>();
    private final Map<String, RegistrationToken> tokens = new ConcurrentHashMap<>();
    private final List<Consumer<LifecycleEvent>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param tokenTtl how long a registration token resolves (AWS documents 4 hours, and "about 1 hour")
     * @param cancelGrace how long metering is accepted after a buyer cancels (AWS: about one hour)
     */
    public SimState(SimClock clock, SimIds ids, Duration tokenTtl, Duration cancelGrace) {
        this.clock = clock;
        this.ids = ids;
        this.tokenTtl = tokenTtl;
        this.cancelGrace = cancelGrace;
    }

    public SimClock clock() {
        return clock;
    }

    public SimIds ids() {
        return ids;
    }

    public void addListener(Consumer<LifecycleEvent> listener) {
        listeners.add(listener);
    }

    // --- products

    public Product putProduct(Product product) {
        products.put(product.code(), product);
        return product;
    }

    public Optional<Product> product(String code) {
        return Optional.ofNullable(code).map(products::get);
    }

    public List<Product> products() {
        return products.values().stream()
                .sorted(Comparator.comparing(Product::code))
                .toList();
    }

    // --- buyers

    /** The buyer with this account id, created on first use. */
    public Buyer buyer(String accountId) {
        return buyers.computeIfAbsent(accountId, id -> new Buyer(id, ids.customerIdentifier(), "Buyer " + id, false));
    }

    public Buyer putBuyer(Buyer buyer) {
        buyers.put(buyer.accountId(), buyer);
        return buyer;
    }

    public Optional<Buyer> findBuyer(String accountId) {
        return Optional.ofNullable(accountId).map(buyers::get);
    }

    public Optional<Buyer> buyerByCustomerIdentifier(String customerIdentifier) {
        return buyers.values().stream()
                .filter(b -> b.customerIdentifier().equals(customerIdentifier))
                .findFirst();
    }

    public List<Buyer> buyers() {
        return buyers.values().stream()
                .sorted(Comparator.comparing(Buyer::accountId))
                .toList();
    }

    public Buyer setSuspended(String accountId, boolean suspended) {
        return buyers.compute(accountId, (id, b) -> (b == null ? buyer(id) : b).withSuspended(suspended));
    }

    // --- agreements

    public record Subscription(Agreement agreement, RegistrationToken token) {}

    /** A buyer subscribes: an agreement and a registration token for the fulfillment POST. */
    public Subscription subscribe(String productCode, String buyerAccountId, SubscribeOptions options) {
        Product product = requireProduct(productCode);
        buyer(buyerAccountId);
        Instant now = clock.instant();
        Agreement agreement = new Agreement(
                ids.agreementId(),
                product.code(),
                buyerAccountId,
                ids.licenseArn(buyerAccountId),
                options.offerId() != null ? options.offerId() : ids.offerId(),
                options.offerType(),
                options.resellerAccountId(),
                AgreementStatus.PENDING,
                options.entitlements(),
                now,
                null,
                null);
        agreements.put(agreement.id(), agreement);
        RegistrationToken token = issueToken(agreement.id());
        publish(new LifecycleEvent.Subscribed(agreement, product));
        if (options.autoSucceed()) {
            agreement = succeed(agreement.id());
        }
        return new Subscription(agreement, token);
    }

    /** A fresh registration token for an existing agreement ("Set up your account" clicked again). */
    public RegistrationToken issueToken(String agreementId) {
        requireAgreement(agreementId);
        Instant now = clock.instant();
        RegistrationToken token = new RegistrationToken(ids.token(), agreementId, now, now.plus(tokenTtl));
        tokens.put(token.token(), token);
        return token;
    }

    public Optional<RegistrationToken> token(String token) {
        return Optional.ofNullable(token).map(tokens::get);
    }

    public Agreement succeed(String agreementId) {
        Instant now = clock.instant();
        return transition(agreementId, a -> a.activated(now), LifecycleEvent.SubscribeSucceeded::new);
    }

    public Agreement fail(String agreementId) {
        return transition(
                agreementId, a -> a.withStatus(AgreementStatus.FAILED, null), LifecycleEvent.SubscribeFailed::new);
    }

    /** The buyer cancels: metering stays accepted for the post-cancel grace. */
    public Agreement cancel(String agreementId) {
        Instant now = clock.instant();
        return transition(
                agreementId,
                a -> a.withStatus(AgreementStatus.UNSUBSCRIBE_PENDING, now),
                LifecycleEvent.UnsubscribePending::new);
    }

    /** The cancellation completes (unsubscribe-success); no further metering is accepted. */
    public Agreement completeCancel(String agreementId) {
        return transition(
                agreementId,
                a -> a.withStatus(
                        AgreementStatus.UNSUBSCRIBED, a.cancelledAt() != null ? a.cancelledAt() : clock.instant()),
                LifecycleEvent.Unsubscribed::new);
    }

    public Agreement changeEntitlements(String agreementId, List<EntitlementGrant> entitlements) {
        return transition(agreementId, a -> a.withEntitlements(entitlements), LifecycleEvent.EntitlementsChanged::new);
    }

    public Optional<Agreement> agreement(String id) {
        return Optional.ofNullable(id).map(agreements::get);
    }

    public List<Agreement> agreements() {
        return agreements.values().stream()
                .sorted(Comparator.comparing(Agreement::createdAt).thenComparing(Agreement::id))
                .toList();
    }

    public List<Agreement> agreementsOf(String productCode) {
        return agreements().stream()
                .filter(a -> a.productCode().equals(productCode))
                .toList();
    }

    /** The newest agreement of this buyer for this product, whatever its status. */
    public Optional<Agreement> latestAgreement(String productCode, String buyerAccountId) {
        return agreementsOf(productCode).stream()
                .filter(a -> a.buyerAccountId().equals(buyerAccountId))
                .reduce((older, newer) -> newer);
    }

    public Optional<Agreement> agreementByLicenseArn(String licenseArn) {
        return agreements.values().stream()
                .filter(a -> a.licenseArn().equals(licenseArn))
                .findFirst();
    }

    /**
     * Whether usage of this agreement is billable at {@code at} (the time AWS receives it): active, or
     * cancelled less than the grace ago, and the buyer's account not suspended.
     */
    public boolean acceptsMetering(Agreement agreement, Instant at) {
        if (findBuyer(agreement.buyerAccountId()).map(Buyer::suspended).orElse(false)) {
            return false;
        }
        return switch (agreement.status()) {
            case ACTIVE -> true;
            case UNSUBSCRIBE_PENDING -> at.isBefore(agreement.cancelledAt().plus(cancelGrace));
            case PENDING, FAILED, UNSUBSCRIBED -> false;
        };
    }

    public Product requireProduct(String code) {
        return product(code).orElseThrow(() -> new NoSuchElementException("no product " + code));
    }

    public Agreement requireAgreement(String id) {
        return agreement(id).orElseThrow(() -> new NoSuchElementException("no agreement " + id));
    }

    private Agreement transition(
            String agreementId,
            UnaryOperator<Agreement> change,
            java.util.function.BiFunction<Agreement, Product, LifecycleEvent> event) {
        Agreement updated = agreements.computeIfPresent(agreementId, (id, a) -> change.apply(a));
        if (updated == null) {
            throw new NoSuchElementException("no agreement " + agreementId);
        }
        publish(event.apply(updated, requireProduct(updated.productCode())));
        return updated;
    }

    private void publish(LifecycleEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }
}
