package io.marketgate.simulator.eventbridge;

import java.util.Map;

/**
 * One {@code aws.agreement-marketplace} event before it gets its id and time.
 *
 * @param account the receiving (seller's) account, the event's {@code account}
 * @param detail the event's {@code detail}
 * @param followsEnd whether AWS sends it some time after the agreement ended (License Deprovisioned)
 */
public record AgreementEvent(
        String detailType, String account, String agreementId, Map<String, Object> detail, boolean followsEnd) {}
