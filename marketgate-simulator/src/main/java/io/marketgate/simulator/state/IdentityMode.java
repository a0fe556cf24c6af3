package io.marketgate.simulator.state;

import java.util.Locale;

/** How a product identifies its customers on the wire; decides what ResolveCustomer returns and BatchMeterUsage accepts. */
public enum IdentityMode {
    /** CustomerIdentifier + request ProductCode. */
    LEGACY,
    /** CustomerAWSAccountId + request ProductCode. */
    ACCOUNT,
    /** CustomerAWSAccountId + LicenseArn per record, no ProductCode (Concurrent Agreements). */
    LICENSE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentityMode parse(String value) {
        for (IdentityMode mode : values()) {
            if (mode.wireName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("identityMode must be one of legacy, account, license; got " + value);
    }
}
