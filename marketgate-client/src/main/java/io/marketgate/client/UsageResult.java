package io.marketgate.client;

/**
 * Marketgate's answer for one usage event.
 *
 * @param id the event's id
 * @param status what happened to it
 * @param reason why, for {@code conflict}, {@code rejected} and {@code unbillable}; null otherwise
 */
public record UsageResult(String id, Status status, String reason) {

    /** Whether Marketgate holds this event: stored now or by an earlier send of the same id. */
    public boolean isStored() {
        return status == Status.ACCEPTED || status == Status.DUPLICATE;
    }

    /** The status of one event, as {@code POST /v1/usage} answers it. */
    public enum Status {
        /** Stored now; it will be billed. */
        ACCEPTED,
        /** This id was stored before with the same content: nothing changed (normal after a retry). */
        DUPLICATE,
        /** This id was stored before with different content: the new content was not stored. */
        CONFLICT,
        /** Invalid (the reason names the field); not stored. */
        REJECTED,
        /** Valid but cannot be billed (e.g. the customer is not subscribed); not stored for billing. */
        UNBILLABLE;

        static Status fromWire(String value) {
            for (Status status : values()) {
                if (status.name().equalsIgnoreCase(value)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown usage status '" + value + "'");
        }
    }
}
