package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.BatchOutcome;
import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.aws.MeteringSender;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One BatchMeterUsage call per {@link #send}, on a client whose SDK retries are off: the metering ledger owns
 * retries and the request budget. Records are keyed as the product's identity mode says; for {@code license}
 * the request carries no ProductCode and each record its LicenseArn, which the pinned SDK cannot model, so
 * it is added on the wire. Results are read from the wire too, because only there do they carry the
 * LicenseArn that tells two licenses of one account apart.
 */
final class SdkMeteringSender implements MeteringSender {

    /** AWS's bound per BatchMeterUsage request. */
    static final int MAX_RECORDS = 25;

    private static final Logger LOG = LoggerFactory.getLogger(SdkMeteringSender.class);

    private final AwsClients clients;

    SdkMeteringSender(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * @throws IllegalArgumentException for more than 25 records, a record without its identity mode's key, or
     *     a quantity outside AWS's 0..2,147,483,647: the caller's records are wrong, no call is made
     */
    @Override
    public BatchOutcome send(Product product, List<MeterRecord> records) {
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("BatchMeterUsage takes 1 to 25 records; got " + records.size());
        }
        IdentityMode mode = product.identityMode();
        List<UsageRecord> usage =
                records.stream().map(r -> usageRecord(mode, r)).toList();
        BatchMeterUsageRequest.Builder request =
                BatchMeterUsageRequest.builder().usageRecords(usage);
        WireJson wire;
        if (mode == IdentityMode.LICENSE) {
            wire = WireJson.editingRequest(body -> withLicenses(body, records));
        } else {
            request.productCode(product.productCode());
            wire = WireJson.readingResponse();
        }
        try {
            clients.meteringWithoutRetries(product)
                    .batchMeterUsage(wire.attach(request).build());
        } catch (SdkException e) {
            return failed(product, e);
        }
        return wire.response()
                .<BatchOutcome>map(json -> MeteringResults.match(mode, records, json))
                .orElseGet(() -> new BatchOutcome.CallFailed(
                        BatchOutcome.Failure.OTHER, null, "BatchMeterUsage answered without a readable body"));
    }

    private static UsageRecord usageRecord(IdentityMode mode, MeterRecord record) {
        CustomerKeys.Key key = CustomerKeys.of(mode, record.customer());
        if (key.value() == null) {
            throw new IllegalArgumentException("A " + mode.value() + " record needs " + key.field());
        }
        if (mode == IdentityMode.LICENSE && record.customer().customerAwsAccountId() == null) {
            throw new IllegalArgumentException("A license record needs CustomerAWSAccountId too");
        }
        UsageRecord.Builder builder = UsageRecord.builder()
                .timestamp(record.hour())
                .dimension(record.dimension())
                .quantity(quantity(record.quantity()));
        if (mode == IdentityMode.LEGACY) {
            builder.customerIdentifier(record.customer().customerIdentifier());
        } else {
            builder.customerAWSAccountId(record.customer().customerAwsAccountId());
        }
        if (!record.allocations().isEmpty()) {
            builder.usageAllocations(record.allocations().stream()
                    .map(SdkMeteringSender::allocation)
                    .toList());
        }
        return builder.build();
    }

    private static UsageAllocation allocation(MeterRecord.Allocation allocation) {
        UsageAllocation.Builder builder =
                UsageAllocation.builder().allocatedUsageQuantity(quantity(allocation.quantity()));
        if (!allocation.tags().isEmpty()) {
            builder.tags(allocation.tags().entrySet().stream()
                    .map(tag -> Tag.builder()
                            .key(tag.getKey())
                            .value(tag.getValue())
                            .build())
                    .toList());
        }
        return builder.build();
    }

    private static int quantity(long quantity) {
        if (quantity < 0 || quantity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("quantity must be within 0..2147483647; got " + quantity);
        }
        return (int) quantity;
    }

    /** The SDK wrote the records in order; each gets its LicenseArn. ProductCode was never set. */
    private static ObjectNode withLicenses(ObjectNode body, List<MeterRecord> records) {
        JsonNode usage = body.path("UsageRecords");
        for (int i = 0; i < records.size(); i++) {
            ((ObjectNode) usage.get(i))
                    .put("LicenseArn", records.get(i).customer().licenseArn());
        }
        body.remove("ProductCode");
        return body;
    }

    private static BatchOutcome failed(Product product, SdkException e) {
        String code = AwsFailures.errorCode(e);
        BatchOutcome.Failure failure = failure(code, e);
        LOG.warn("BatchMeterUsage for product '{}' failed ({}): {}", product.id(), failure, AwsFailures.describe(e));
        return new BatchOutcome.CallFailed(failure, code, AwsFailures.message(e));
    }

    static BatchOutcome.Failure failure(String code, SdkException e) {
        if ("DisabledApiException".equals(code)) {
            return BatchOutcome.Failure.DISABLED;
        }
        if (code != null && (code.startsWith("Invalid") || code.equals("TimestampOutOfBoundsException"))) {
            return BatchOutcome.Failure.BATCH_REJECTED;
        }
        return AwsFailures.retryable(e) ? BatchOutcome.Failure.RETRYABLE : BatchOutcome.Failure.OTHER;
    }
}
