package io.marketgate.simulator.state;

/**
 * A buyer AWS account.
 *
 * @param customerIdentifier the legacy opaque customer id AWS returned for this buyer
 * @param suspended a suspended account is CustomerNotSubscribed for metering
 */
public record Buyer(String accountId, String customerIdentifier, String name, boolean suspended) {

    public Buyer withSuspended(boolean value) {
        return new Buyer(accountId, customerIdentifier, name, value);
    }
}
