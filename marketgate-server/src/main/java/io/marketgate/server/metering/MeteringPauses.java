package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.shared.MarketgateException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Products whose sending is paused (BatchMeterUsage answered DisabledApiException), and lifting a pause once
 * the API is enabled again. The pause is a database row that every sending instance reads before each
 * claim, so a lift takes effect on every instance's next round, without a restart.
 */
public class MeteringPauses {

    private static final Logger LOG = LoggerFactory.getLogger(MeteringPauses.class);

    private final JdbcSubmissions submissions;
    private final boolean sending;

    /** @param sending whether this instance sends records at all ({@code marketgate.metering.submit}) */
    public MeteringPauses(JdbcSubmissions submissions, boolean sending) {
        this.submissions = submissions;
        this.sending = sending;
    }

    /** The paused products, and whether this instance sends (a lifted pause resumes only on instances that do). */
    public Report report() {
        return new Report(sending, submissions.pauses());
    }

    /** Lifts the product's pause; its frozen records are sent from the next round on. */
    public MeteringPause lift(String productId) {
        MeteringPause lifted = submissions
                .lift(productId)
                .orElseThrow(() -> MarketgateException.notFound("Metering of product " + productId + " is not paused"));
        LOG.info(
                "Metering pause of product {} lifted (paused since {}: {}); sending resumes{}",
                productId,
                lifted.pausedAt(),
                lifted.reason(),
                sending ? "" : " on the instances with marketgate.metering.submit=true (not this one)");
        return lifted;
    }

    /** @param sending whether the answering instance sends records */
    public record Report(boolean sending, List<MeteringPause> pauses) {}
}
