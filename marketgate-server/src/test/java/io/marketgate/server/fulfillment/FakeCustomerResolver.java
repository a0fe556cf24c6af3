package io.marketgate.server.fulfillment;

import io.marketgate.server.aws.CustomerResolver;
import io.marketgate.server.aws.Resolution;
import io.marketgate.server.product.Product;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** ResolveCustomer as the tests say: each token answers what was registered for it; unknown ones are invalid. */
public final class FakeCustomerResolver implements CustomerResolver {

    private final Map<String, Resolution> answers = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Resolution resolve(Product product, String registrationToken) {
        calls.incrementAndGet();
        return answers.getOrDefault(registrationToken, new Resolution.InvalidToken("Registration token is invalid."));
    }

    /** A fresh token that resolves to {@code answer}. */
    public String tokenFor(Resolution answer) {
        String token = "tok" + UUID.randomUUID().toString().replace("-", "");
        answers.put(token, answer);
        return token;
    }

    /** A fresh token of a new buyer of {@code productCode} in license mode, with a unique license. */
    public String newBuyer(String productCode) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String account = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return tokenFor(new Resolution.Resolved(
                productCode, null, account, "arn:aws:license-manager::111122223333:license:l-" + suffix));
    }

    public int calls() {
        return calls.get();
    }
}
