package io.marketgate.simulator.metering;

import io.marketgate.simulator.state.Agreement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Usage before a subscription started, decided from the hour in every identity mode: a record whose hour
 * starts before the hour in which the agreement became active (its first subscribe-success) is refused;
 * usage in the activation hour itself is accepted, as metering is hourly and a buyer who subscribed at 10:40
 * used the product in the 10:00 hour. Each mode refuses with its own error: a LicenseArn record fails the
 * call with {@code InvalidLicenseException}, a CustomerIdentifier or CustomerAWSAccountId record comes back
 * {@code CustomerNotSubscribed}. An agreement not yet active accepts no usage at all.
 */
final class UsageBeforeActivation {

    private UsageBeforeActivation() {}

    /** Whether {@code timestamp}'s hour starts before the hour the agreement became active in. */
    static boolean refuses(Instant timestamp, Agreement agreement) {
        Instant activated = agreement.activatedAt();
        return activated != null
                && timestamp.truncatedTo(ChronoUnit.HOURS).isBefore(activated.truncatedTo(ChronoUnit.HOURS));
    }
}
