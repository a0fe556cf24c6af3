package io.marketgate.server.product;

/**
 * A pricing dimension of a product, as listed on AWS Marketplace.
 *
 * @param key the API name (UsageRecord.Dimension / Entitlement.Dimension)
 * @param unit what one unit of quantity means, for people (e.g. "requests", "GB-hours")
 */
public record Dimension(String key, String unit, DimensionType type) {}
