package io.marketgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.client.FakeMarketgate.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessCheckTest {

    final FakeMarketgate fake = new FakeMarketgate();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T07:00:00Z"));

    AccessCheckTest() throws Exception {}

    @AfterEach
    void stop() {
        fake.close();
    }

    MarketgateClient.Builder client() {
        return MarketgateClient.builder(fake.url(), "mg_key").clock(clock).sleeper(new RecordingSleeper());
    }

    @Test
    void readsTheAccessAnswerWithItsEntitlements() {
        fake.answerAccess(request -> Reply.json(
                200,
                "{\"allowed\":true,\"reason\":\"contract active\",\"state\":\"active\",\"entitlements\":"
                        + "[{\"dimension\":\"seats\",\"value\":25,\"expiresAt\":\"2027-01-01T00:00:00Z\"},"
                        + "{\"dimension\":\"tier\",\"value\":\"gold\"},{\"dimension\":\"gb\",\"value\":1.5}]}"));

        Access access = client().build().access("cus_1");

        assertThat(access.allowed()).isTrue();
        assertThat(access.reason()).isEqualTo("contract active");
        assertThat(access.state()).isEqualTo("active");
        assertThat(access.entitlements()).hasSize(3);
        assertThat(access.entitlements().get(0)).containsEntry("value", 25L);
        assertThat(access.entitlements().get(1)).containsEntry("value", "gold");
        assertThat(access.entitlements().get(2)).containsEntry("value", new BigDecimal("1.5"));
        assertThat(fake.requests().get(0).rawPath()).isEqualTo("/v1/customers/cus_1/access");
        assertThat(fake.requests().get(0).header("Authorization")).isEqualTo("Bearer mg_key");
    }

    @Test
    void answersAreReusedUntilTheTtlHasPassed() {
        var client = client().accessCacheTtl(Duration.ofSeconds(5)).build();

        client.access("cus_1");
        clock.advance(Duration.ofMillis(4_999));
        client.access("cus_1");
        assertThat(fake.requests()).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        client.access("cus_1");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void eachCustomerHasItsOwnEntryAndOneCanBeForgotten() {
        var client = client().build();

        client.access("cus_1");
        client.access("cus_2");
        client.invalidateAccess("cus_1");
        client.access("cus_1");
        client.access("cus_2");

        assertThat(fake.requests())
                .extracting(FakeMarketgate.Recorded::rawPath)
                .containsExactly(
                        "/v1/customers/cus_1/access", "/v1/customers/cus_2/access", "/v1/customers/cus_1/access");
    }

    @Test
    void aZeroTtlAsksEveryTime() {
        var client = client().accessCacheTtl(Duration.ZERO).build();

        client.access("cus_1");
        client.access("cus_1");

        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void aLicenseArnIsPercentEncodedInThePath() {
        client().build().access("arn:aws:license-manager::123456789012:license/l-1 x");

        assertThat(fake.requests().get(0).rawPath())
                .isEqualTo("/v1/customers/arn%3Aaws%3Alicense-manager%3A%3A123456789012%3Alicense%2Fl-1%20x/access");
    }

    @Test
    void anUnknownCustomerIsA404ThatIsNeitherRetriedNorCached() {
        fake.answerAccess(request -> Reply.json(404, "{\"title\":\"Not Found\",\"detail\":\"no customer cus_x\"}"));
        var client = client().build();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.access("cus_x"))
                    .isInstanceOfSatisfying(MarketgateException.class, e -> assertThat(e.status())
                            .isEqualTo(404))
                    .hasMessageContaining("no customer cus_x");
        }
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void aDeniedAnswerIsReadAsDenied() {
        fake.answerAccess(
                request -> Reply.json(200, "{\"allowed\":false,\"reason\":\"unsubscribed\",\"state\":\"ended\"}"));

        Access access = client().build().access("cus_1");

        assertThat(access).isEqualTo(new Access(false, "unsubscribed", "ended", null));
    }

    @Test
    void anAnswerWithoutAllowedIsAnError() {
        fake.answerAccess(request -> Reply.json(200, "{\"state\":\"active\"}"));

        assertThatThrownBy(() -> client().build().access("cus_1")).hasMessageContaining("'allowed'");
    }

    @Test
    void aBaseUrlWithAPathPrefixIsKept() {
        var client = MarketgateClient.builder(fake.url().resolve("/mg"), "k").build();

        client.access("cus_1");

        assertThat(fake.requests().get(0).rawPath()).isEqualTo("/mg/v1/customers/cus_1/access");
    }
}
