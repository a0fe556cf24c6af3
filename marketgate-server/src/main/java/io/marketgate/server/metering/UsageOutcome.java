package io.marketgate.server.metering;

/** What happened to one usage event, in request order. {@code reason} is null for accepted and duplicate. */
public record UsageOutcome(String id, Status status, String reason) {

    public enum Status {
        /** Stored; it will be billed (or was rolled forward into a later open hour, said in the reason). */
        ACCEPTED,
        /** Same id and body as an event already stored: no effect. */
        DUPLICATE,
        /** Same id as a stored event with another body: refused, the stored one stands. */
        CONFLICT,
        /** Invalid: nothing stored. */
        REJECTED,
        /** Stored for the books but never sent: outside AWS's window or after the customer's final usage. */
        UNBILLABLE;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static UsageOutcome accepted(String id) {
        return new UsageOutcome(id, Status.ACCEPTED, null);
    }

    static UsageOutcome rejected(String id, String reason) {
        return new UsageOutcome(id, Status.REJECTED, reason);
    }
}
