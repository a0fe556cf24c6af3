/**
 * Usage ingest, hourly buckets, frozen metering records, BatchMeterUsage submission and reconciliation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metering")
package io.marketgate.server.metering;
