package io.marketgate.server.metering;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.BatchOutcome;
import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.aws.MeteringSender;
import io.marketgate.server.product.IdentityMode;
import io.marketgate.server.product.Product;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small BatchMeterUsage client for tests, speaking awsJson 1.1 to the simulator (unsigned calls act as
 * the simulator's default seller account), keyed per identity mode as the real adapter keys them.
 */
final class SimulatorMeteringSender implements MeteringSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimulatorMeteringSender(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public BatchOutcome send(Product product, List<MeterRecord> records) {
        ObjectNode body = JSON.createObjectNode();
        if (product.identityMode() != IdentityMode.LICENSE) {
            body.put("ProductCode", product.productCode());
        }
        ArrayNode usage = body.putArray("UsageRecords");
        for (MeterRecord record : records) {
            ObjectNode node = usage.addObject();
            node.put("Timestamp", record.hour().getEpochSecond());
            switch (product.identityMode()) {
                case LEGACY -> node.put("CustomerIdentifier", record.customer().customerIdentifier());
                case ACCOUNT ->
                    node.put("CustomerAWSAccountId", record.customer().customerAwsAccountId());
                case LICENSE ->
                    node.put("CustomerAWSAccountId", record.customer().customerAwsAccountId())
                            .put("LicenseArn", record.customer().licenseArn());
            }
            node.put("Dimension", record.dimension());
            node.put("Quantity", record.quantity());
            if (!record.allocations().isEmpty()) {
                ArrayNode allocations = node.putArray("UsageAllocations");
                for (MeterRecord.Allocation allocation : record.allocations()) {
                    ObjectNode a = allocations.addObject().put("AllocatedUsageQuantity", allocation.quantity());
                    if (!allocation.tags().isEmpty()) {
                        ArrayNode tags = a.putArray("Tags");
                        allocation.tags().forEach((k, v) -> tags.addObject()
                                .put("Key", k)
                                .put("Value", v));
                    }
                }
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-amz-json-1.1")
                            .header("X-Amz-Target", "AWSMPMeteringService.BatchMeterUsage")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new BatchOutcome.CallFailed(BatchOutcome.Failure.RETRYABLE, "IOException", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BatchOutcome.CallFailed(BatchOutcome.Failure.RETRYABLE, "Interrupted", e.getMessage());
        }
        JsonNode answer = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        if (response.statusCode() != 200) {
            String type = answer.path("__type").asString("");
            type = type.substring(type.lastIndexOf('#') + 1);
            String message = answer.path("message").asString("");
            BatchOutcome.Failure failure;
            if (type.equals("ThrottlingException") || response.statusCode() >= 500) {
                failure = BatchOutcome.Failure.RETRYABLE;
            } else if (type.startsWith("Invalid") || type.equals("TimestampOutOfBoundsException")) {
                failure = BatchOutcome.Failure.BATCH_REJECTED;
            } else if (type.equals("DisabledApiException")) {
                failure = BatchOutcome.Failure.DISABLED;
            } else {
                failure = BatchOutcome.Failure.OTHER;
            }
            return new BatchOutcome.CallFailed(failure, type, message);
        }
        List<BatchOutcome.RecordResult> results = new ArrayList<>();
        for (JsonNode result : answer.path("Results")) {
            BatchOutcome.Status status =
                    switch (result.path("Status").asString("")) {
                        case "Success" -> BatchOutcome.Status.SUCCESS;
                        case "CustomerNotSubscribed" -> BatchOutcome.Status.CUSTOMER_NOT_SUBSCRIBED;
                        case "DuplicateRecord" -> BatchOutcome.Status.DUPLICATE_RECORD;
                        default -> BatchOutcome.Status.UNKNOWN;
                    };
            String id = result.path("MeteringRecordId").isString()
                    ? result.path("MeteringRecordId").stringValue()
                    : null;
            results.add(new BatchOutcome.RecordResult(record(result.path("UsageRecord")), status, id));
        }
        List<MeterRecord> unprocessed = new ArrayList<>();
        answer.path("UnprocessedRecords").forEach(node -> unprocessed.add(record(node)));
        return new BatchOutcome.Answered(results, unprocessed);
    }

    private static MeterRecord record(JsonNode node) {
        return new MeterRecord(
                new AwsCustomerKey(
                        text(node, "CustomerIdentifier"), text(node, "CustomerAWSAccountId"), text(node, "LicenseArn")),
                text(node, "Dimension"),
                Instant.ofEpochSecond(node.path("Timestamp").asLong()),
                node.path("Quantity").asLong(),
                List.of());
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).stringValue() : null;
    }
}
