package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.customer.Registration;
import io.marketgate.server.fulfillment.jdbc.JdbcPendingRegistrations;
import io.marketgate.server.product.Product;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pending registrations: the resolved identity kept server-side, signed, expiring, single-use and bound to
 * the browser that posted the token (through a random secret in its cookie, stored only as a hash).
 */
@Service
public class PendingRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRegistrations.class);
    /** Expired rows are kept a day for support questions, then removed. */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final JdbcPendingRegistrations table;
    private final Customers customers;
    private final SigningKey key;
    private final Duration ttl;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public PendingRegistrations(
            JdbcPendingRegistrations table,
            Customers customers,
            OnboardingKeys keys,
            OnboardingSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.table = table;
        this.customers = customers;
        this.key = keys.pending();
        this.ttl = settings.pendingTtl();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A new pending registration and the browser secret for its cookie (the only copy). */
    public record Started(PendingRegistration pending, String browserSecret) {}

    /** Keeps what ResolveCustomer answered for {@code product}, bound to a new browser secret. */
    public Started start(Product product, String productCode, AwsIdentity identity, String offerType) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String browserSecret = SigningKey.base64(SigningKey.randomBytes(32));
        PendingRegistration unsigned = new PendingRegistration(
                SigningKey.base64(SigningKey.randomBytes(18)),
                product.id(),
                productCode,
                identity,
                "free-trial".equals(offerType) ? offerType : null,
                SigningKey.sha256(browserSecret),
                "",
                now,
                now.plus(ttl),
                null,
                null);
        PendingRegistration pending = withSignature(unsigned, key.macText(PendingSignature.content(unsigned)));
        table.purgeExpiredBefore(now.minus(KEEP_EXPIRED));
        table.insert(pending);
        return new Started(pending, browserSecret);
    }

    /** Whether the browser holding {@code browserSecret} (null: no cookie) may use registration {@code id}. */
    public PendingAccess open(String id, String browserSecret) {
        var stored = id == null ? java.util.Optional.<PendingRegistration>empty() : table.byId(id);
        if (stored.isEmpty()) {
            return new PendingAccess.Unknown();
        }
        PendingRegistration pending = stored.get();
        if (!key.verify(PendingSignature.content(pending), pending.signature())) {
            LOG.warn("Pending registration {} fails its signature: refused (altered in the database?)", id);
            return new PendingAccess.Unknown();
        }
        if (browserSecret == null || !sameBrowser(pending, browserSecret)) {
            return new PendingAccess.OtherBrowser();
        }
        if (pending.usedAt() != null) {
            return new PendingAccess.Used(pending);
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            return new PendingAccess.Expired();
        }
        return new PendingAccess.Open(pending);
    }

    /** The registration form's CSRF token for this browser. */
    public String csrfToken(String id, String browserSecret) {
        return key.macText(PendingSignature.csrfContent(id, browserSecret));
    }

    public boolean csrfMatches(String id, String browserSecret, String candidate) {
        return browserSecret != null && key.verify(PendingSignature.csrfContent(id, browserSecret), candidate);
    }

    /**
     * Uses the registration once: claims it and registers the customer in one transaction, so a failure
     * leaves the registration usable and a second submission (a replay, a double click) is refused.
     */
    public Completion complete(String id, String browserSecret, Product product, Map<String, String> fields) {
        PendingAccess access = open(id, browserSecret);
        if (!(access instanceof PendingAccess.Open open)) {
            return new Completion.Refused(access);
        }
        PendingRegistration pending = open.pending();
        if (!pending.productId().equals(product.id())) {
            return new Completion.Refused(new PendingAccess.Unknown());
        }
        return transaction.execute(status -> {
            if (!table.claim(id, clock.instant())) {
                return new Completion.Refused(open(id, browserSecret));
            }
            Registration registration = customers.register(product, pending.identity(), fields);
            table.linkCustomer(id, registration.customer().id());
            return new Completion.Completed(registration.customer(), registration instanceof Registration.Registered);
        });
    }

    private static boolean sameBrowser(PendingRegistration pending, String browserSecret) {
        return MessageDigest.isEqual(
                pending.browserHash().getBytes(StandardCharsets.US_ASCII),
                SigningKey.sha256(browserSecret).getBytes(StandardCharsets.US_ASCII));
    }

    private static PendingRegistration withSignature(PendingRegistration p, String signature) {
        return new PendingRegistration(
                p.id(),
                p.productId(),
                p.productCode(),
                p.identity(),
                p.offerType(),
                p.browserHash(),
                signature,
                p.createdAt(),
                p.expiresAt(),
                p.usedAt(),
                p.customerId());
    }
}
