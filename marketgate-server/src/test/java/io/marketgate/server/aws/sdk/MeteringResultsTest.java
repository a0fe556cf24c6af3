package io.marketgate.server.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.aws.AwsCustomerKey;
import io.marketgate.server.aws.BatchOutcome;
import io.marketgate.server.aws.MeterRecord;
import io.marketgate.server.product.IdentityMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing BatchMeterUsage answers with the records sent, for answers the simulator does not give. */
class MeteringResultsTest {

    private static final Instant HOUR = Instant.parse("2026-11-30T10:00:00Z");
    private static final String LICENSE_A = "arn:aws:license-manager::1:license:l-a";
    private static final String LICENSE_B = "arn:aws:license-manager::1:license:l-b";

    private static MeterRecord record(String license, String dimension) {
        return new MeterRecord(new AwsCustomerKey(null, "222233334444", license), dimension, HOUR, 1, List.of());
    }

    private static String echoed(String license, String dimension) {
        return "{\"CustomerAWSAccountId\":\"222233334444\",\"LicenseArn\":\"" + license + "\",\"Dimension\":\""
                + dimension + "\",\"Timestamp\":" + HOUR.getEpochSecond() + ",\"Quantity\":1}";
    }

    @Test
    void aStatusThisVersionDoesNotKnowIsUnknownNeverSuccess() {
        MeterRecord sent = record(LICENSE_A, "users");
        String answer = "{\"Results\":[{\"UsageRecord\":" + echoed(LICENSE_A, "users")
                + ",\"Status\":\"CustomerSuspended\"}],\"UnprocessedRecords\":[]}";

        BatchOutcome.Answered outcome =
                MeteringResults.match(IdentityMode.LICENSE, List.of(sent), WireJsonInterceptor.JSON.readTree(answer));

        assertThat(outcome.results())
                .containsExactly(new BatchOutcome.RecordResult(sent, BatchOutcome.Status.UNKNOWN, null));
    }

    @Test
    void aRecordTheAnswerDoesNotMentionIsUnprocessed() {
        MeterRecord answered = record(LICENSE_A, "users");
        MeterRecord forgotten = record(LICENSE_B, "users");
        String answer = "{\"Results\":[{\"UsageRecord\":" + echoed(LICENSE_A, "users")
                + ",\"MeteringRecordId\":\"m-1\",\"Status\":\"Success\"}]}";

        BatchOutcome.Answered outcome = MeteringResults.match(
                IdentityMode.LICENSE, List.of(answered, forgotten), WireJsonInterceptor.JSON.readTree(answer));

        assertThat(outcome.results())
                .containsExactly(new BatchOutcome.RecordResult(answered, BatchOutcome.Status.SUCCESS, "m-1"));
        assertThat(outcome.unprocessed()).containsExactly(forgotten);
    }

    @Test
    void resultsInAnotherOrderThanSentFindTheirRecords() {
        MeterRecord first = record(LICENSE_A, "users");
        MeterRecord second = record(LICENSE_B, "users");
        String answer = "{\"Results\":[{\"UsageRecord\":" + echoed(LICENSE_B, "users")
                + ",\"Status\":\"DuplicateRecord\"},{\"UsageRecord\":" + echoed(LICENSE_A, "users")
                + ",\"MeteringRecordId\":\"m-1\",\"Status\":\"Success\"}]}";

        BatchOutcome.Answered outcome = MeteringResults.match(
                IdentityMode.LICENSE, List.of(first, second), WireJsonInterceptor.JSON.readTree(answer));

        assertThat(outcome.results())
                .containsExactly(
                        new BatchOutcome.RecordResult(second, BatchOutcome.Status.DUPLICATE_RECORD, null),
                        new BatchOutcome.RecordResult(first, BatchOutcome.Status.SUCCESS, "m-1"));
        assertThat(outcome.unprocessed()).isEmpty();
    }
}
