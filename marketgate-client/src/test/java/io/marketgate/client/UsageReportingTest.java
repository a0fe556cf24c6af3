package io.marketgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.client.FakeMarketgate.Reply;
import io.marketgate.client.UsageResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageReportingTest {

    static final String KEY = "mg_test_0123456789";
    static final Instant HOUR = Instant.parse("2026-12-02T07:15:00Z");

    final FakeMarketgate fake = new FakeMarketgate();
    final RecordingSleeper sleeper = new RecordingSleeper();

    UsageReportingTest() throws Exception {}

    @AfterEach
    void stop() {
        fake.close();
    }

    MarketgateClient.Builder client() {
        return MarketgateClient.builder(fake.url(), KEY).sleeper(sleeper);
    }

    static UsageEvent event(int i) {
        return new UsageEvent("evt-" + i, "cus_1", "requests", i, HOUR);
    }

    @Test
    void postsEventsWithTheBearerKeyAndReturnsResultsInOrder() {
        fake.script(Reply.json(
                200,
                "{\"results\":[{\"id\":\"evt-1\",\"status\":\"accepted\"},"
                        + "{\"id\":\"evt-2\",\"status\":\"rejected\",\"reason\":\"dimension: unknown\"}]}"));

        UsageReport report = client().build().reportUsage(event(1), event(2));

        assertThat(report.results())
                .containsExactly(
                        new UsageResult("evt-1", Status.ACCEPTED, null),
                        new UsageResult("evt-2", Status.REJECTED, "dimension: unknown"));
        assertThat(report.allStored()).isFalse();
        assertThat(report.notStored()).extracting(UsageResult::id).containsExactly("evt-2");
        var request = fake.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/usage");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.events().get(0))
                .containsExactly(
                        Map.entry("id", "evt-1"),
                        Map.entry("customer", "cus_1"),
                        Map.entry("dimension", "requests"),
                        Map.entry("quantity", 1L),
                        Map.entry("timestamp", "2026-12-02T07:15:00Z"));
    }

    @Test
    void allocationsAreSentWithTheirTags() {
        var event = new UsageEvent(
                "evt-a",
                "cus_1",
                "requests",
                10,
                HOUR,
                List.of(new UsageEvent.Allocation(7, Map.of("team", "red")), new UsageEvent.Allocation(3, Map.of())));

        client().build().reportUsage(event);

        assertThat(fake.requests().get(0).events().get(0).get("allocations"))
                .isEqualTo(List.of(
                        Map.of("quantity", 7L, "tags", Map.of("team", "red")),
                        Map.of("quantity", 3L, "tags", Map.of())));
    }

    @Test
    void serverErrorsThrottlingAndDroppedConnectionsAreRetriedWithTheSameBody() {
        fake.script(Reply.json(503, "{}"), new Reply(429, Map.of("Retry-After", "2"), ""), Reply.dropConnection());

        UsageReport report = client().build().reportUsage(event(1), event(2));

        assertThat(report.allStored()).isTrue();
        var requests = fake.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests)
                .extracting(FakeMarketgate.Recorded::body)
                .containsOnly(requests.get(0).body());
        assertThat(sleeper.waits).hasSize(3);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sleeper.waits.get(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(sleeper.waits.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void givesUpAfterTheLastAttemptWithARetryableException() {
        fake.script(
                Reply.json(500, "{\"title\":\"Internal\"}"),
                Reply.json(502, ""),
                Reply.json(500, "{\"title\":\"Boom\"}"));
        var client = client().retries(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)))
                .build();

        assertThatThrownBy(() -> client.reportUsage(event(1)))
                .isInstanceOfSatisfying(MarketgateException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessageContaining("after 3 attempt(s)")
                .hasMessageContaining("Boom")
                .hasMessageNotContaining(KEY);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetriedAndItsProblemDetailIsReported() {
        fake.script(Reply.json(400, "{\"title\":\"Bad Request\",\"detail\":\"events: at most 10000\",\"status\":400}"));

        assertThatThrownBy(() -> client().build().reportUsage(event(1)))
                .isInstanceOfSatisfying(MarketgateException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessage("POST v1/usage answered 400: Bad Request - events: at most 10000");
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void moreThanTenThousandEventsGoInBatchesOfTenThousand() {
        List<UsageEvent> events =
                IntStream.range(0, 10_001).mapToObj(UsageReportingTest::event).toList();

        UsageReport report = client().build().reportUsage(events);

        assertThat(fake.requests()).extracting(r -> r.events().size()).containsExactly(10_000, 1);
        assertThat(report.results()).hasSize(10_001);
        assertThat(report.results().get(10_000).id()).isEqualTo("evt-10000");
    }

    @Test
    void aSmallerBatchSizeSplitsAndKeepsTheOrder() {
        List<UsageEvent> events =
                IntStream.range(0, 7).mapToObj(UsageReportingTest::event).toList();

        UsageReport report = client().usageBatchSize(3).build().reportUsage(events);

        assertThat(fake.requests()).extracting(r -> r.events().size()).containsExactly(3, 3, 1);
        assertThat(report.results())
                .extracting(UsageResult::id)
                .containsExactlyElementsOf(
                        new ArrayList<>(events.stream().map(UsageEvent::id).toList()));
    }

    @Test
    void anAnswerThatDoesNotMatchTheEventsIsAnError() {
        fake.script(Reply.json(200, "{\"results\":[{\"id\":\"evt-9\",\"status\":\"accepted\"}]}"));
        fake.script(Reply.json(200, "{\"results\":[{\"id\":\"evt-1\",\"status\":\"pending\"}]}"));
        var client = client().build();

        assertThatThrownBy(() -> client.reportUsage(event(1))).hasMessageContaining("does not answer event evt-1");
        assertThatThrownBy(() -> client.reportUsage(event(1))).hasMessageContaining("unknown usage status 'pending'");
    }

    @Test
    void invalidEventsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new UsageEvent(" ", "c", "d", 1, HOUR)).hasMessage("id is required");
        assertThatThrownBy(() -> new UsageEvent("e", "c", "d", -1, HOUR)).hasMessage("quantity must be zero or more");
        assertThat(fake.requests()).isEmpty();
    }
}
