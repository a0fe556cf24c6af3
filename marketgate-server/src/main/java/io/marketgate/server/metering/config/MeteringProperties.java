package io.marketgate.server.metering.config;

import io.marketgate.server.metering.MeteringSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Metering configuration ({@code marketgate.metering.*}); invalid values stop startup.
 *
 * @param grace how long after an hour ends its records stay open for late events before they freeze
 * @param awsWindow how long after its hour start AWS accepts a record (24 h since July 2026; older documents say 6 h)
 * @param monthEndCutoff previous-month records are accepted until this long after the 1st, 00:00 UTC (06:00)
 * @param safetyMargin records are sent no later than this before their AWS deadline; later ones expire
 * @param futureTolerance event timestamps may be this far ahead of Marketgate's clock (client clock skew)
 * @param callsPerSecond BatchMeterUsage calls per second per seller account and Region, for all instances together
 * @param batchBytes largest BatchMeterUsage request body to send (AWS: under 1 MB)
 * @param senders how many BatchMeterUsage calls one instance keeps in flight at once, all within the budget
 * @param lease how long a claimed batch belongs to the instance sending it; after that another resends it
 * @param retryBase first retry delay after a throttled, failed or partly processed call (doubles, jittered)
 * @param retryMax longest retry delay
 * @param pollInterval how often each instance freezes closed hours and sends due records
 * @param zeroRecords send a zero record every closed hour for each subscribed customer and metered dimension
 *     without usage (subscription products)
 * @param submit whether this instance sends records to AWS (ingest and reconciliation work either way)
 */
@ConfigurationProperties("marketgate.metering")
public record MeteringProperties(
        @DefaultValue("5m") Duration grace,
        @DefaultValue("24h") Duration awsWindow,
        @DefaultValue("6h") Duration monthEndCutoff,
        @DefaultValue("10m") Duration safetyMargin,
        @DefaultValue("1m") Duration futureTolerance,
        @DefaultValue("10") double callsPerSecond,
        @DefaultValue("900000") int batchBytes,
        @DefaultValue("4") int senders,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("1s") Duration retryBase,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("true") boolean zeroRecords,
        @DefaultValue("true") boolean submit) {

    /** The validated settings the metering stages use. */
    public MeteringSettings settings() {
        return new MeteringSettings(
                grace,
                awsWindow,
                monthEndCutoff,
                safetyMargin,
                futureTolerance,
                callsPerSecond,
                batchBytes,
                senders,
                lease,
                retryBase,
                retryMax,
                pollInterval,
                zeroRecords,
                submit);
    }
}
