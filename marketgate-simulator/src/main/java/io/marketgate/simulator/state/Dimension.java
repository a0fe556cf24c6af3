package io.marketgate.simulator.state;

/**
 * A pricing dimension of a product.
 *
 * @param key the API name sent as UsageRecord.Dimension / returned as Entitlement.Dimension
 * @param metered whether BatchMeterUsage accepts it (false: a contract entitlement only)
 */
public record Dimension(String key, String description, boolean metered) {}
