package io.marketgate.server.product;

/** Whether a dimension is reported with BatchMeterUsage or granted by a contract (GetEntitlements). */
public enum DimensionType {
    METERED,
    ENTITLEMENT
}
