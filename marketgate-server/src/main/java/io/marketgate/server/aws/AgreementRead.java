package io.marketgate.server.aws;

import java.time.Instant;

/** What the Agreement API answered for one agreement. */
public sealed interface AgreementRead {

    /**
     * @param status e.g. ACTIVE, CANCELLED, EXPIRED, TERMINATED (as AWS spells it)
     * @param freeTrial whether the accepted terms hold a free-trial pricing term
     */
    record Found(
            String agreementId,
            String status,
            String acceptorAccountId,
            String proposerAccountId,
            Instant startTime,
            Instant endTime,
            boolean freeTrial)
            implements AgreementRead {}

    record NotFound(String message) implements AgreementRead {}

    record Failed(String message, boolean retryable) implements AgreementRead {}
}
