package io.marketgate.server.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.LifecycleServerTest;
import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customers;
import io.marketgate.server.customer.Registration;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import io.marketgate.server.subscription.Notification.AgreementEvent;
import io.marketgate.server.subscription.Notification.AgreementEventType;
import io.marketgate.server.subscription.Notification.Sns;
import io.marketgate.server.subscription.Notification.SnsAction;
import io.marketgate.server.subscription.NotificationSink;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seller API for customers and access, over HTTP. */
@LifecycleServerTest
class AccessApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    NotificationSink sink;

    @Autowired
    Customers customers;

    @Autowired
    Catalog catalog;

    @Autowired
    Clock clock;

    @Autowired
    ApiKeys apiKeys;

    private BearerHttp http;
    private String reader;
    private String admin;

    @BeforeEach
    void client() {
        http = new BearerHttp(port);
        reader = apiKeys.issue("access-test", Set.of(Scope.CUSTOMERS_READ)).key();
        admin = apiKeys.issue("access-admin", Set.of(Scope.ADMIN)).key();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private String register(String productId, String cid, String account, String license) {
        Registration registration = customers.register(
                catalog.product(productId).orElseThrow(), new AwsIdentity(cid, account, license), Map.of());
        return ((Registration.Registered) registration).customer().id();
    }

    private void sns(String cid, SnsAction action) {
        sink.accept(new Sns(unique("m-"), "saas", clock.instant(), "{}", action, cid, null, null));
    }

    private JsonNode json(HttpResponse<String> response) {
        return JSON.readValue(response.body(), JsonNode.class);
    }

    @Test
    void accessIsAllowedOnlyAfterSubscribeSuccessAndEndsWithTheSubscription() {
        String cid = unique("CID");
        String customerId = register("saas", cid, unique("acct"), null);

        JsonNode pending = json(http.get("/v1/customers/" + customerId + "/access", reader));
        assertThat(pending.get("allowed").asBoolean()).isFalse();
        assertThat(pending.get("reason").asString()).isEqualTo("not_subscribed");

        sns(cid, SnsAction.SUBSCRIBE_SUCCESS);
        JsonNode active = json(http.get("/v1/customers/" + cid + "/access", reader));
        assertThat(active.get("allowed").asBoolean()).isTrue();
        assertThat(active.get("state").asString()).isEqualTo("active");
        assertThat(active.get("customerId").asString()).isEqualTo(customerId);

        sns(cid, SnsAction.UNSUBSCRIBE_PENDING);
        JsonNode ending = json(http.get("/v1/customers/" + customerId + "/access", reader));
        assertThat(ending.get("allowed").asBoolean()).isFalse();
        assertThat(ending.get("reason").asString()).isEqualTo("subscription_ending");
    }

    @Test
    void anAccountWithTwoLicensesAnswersBoth() {
        String account = String.valueOf(300000000000L + (long) (Math.random() * 1e11));
        String first = "arn:aws:license-manager::" + account + ":license:" + unique("l-");
        String second = "arn:aws:license-manager::" + account + ":license:" + unique("l-");
        register("lic", null, account, first);
        register("lic", null, account, second);
        sink.accept(new AgreementEvent(
                unique("e-"),
                "lic",
                clock.instant(),
                "{}",
                AgreementEventType.LICENSE_UPDATED,
                unique("agmt-"),
                first,
                account,
                null,
                null));

        JsonNode both = json(http.get("/v1/customers/" + account + "/access", reader));

        assertThat(both.get("customers")).hasSize(2);
        JsonNode byLicense = json(http.get("/v1/customers/" + first.substring("arn:".length()) + "/access", reader));
        assertThat(byLicense.get("allowed").asBoolean()).isTrue();
    }

    @Test
    void anUnknownIdIsANotFoundProblem() {
        HttpResponse<String> response = http.get("/v1/customers/nobody-" + unique("") + "/access", reader);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theTenantIdBecomesAnIdOfTheCustomer() {
        String cid = unique("CID");
        String customerId = register("saas", cid, null, null);
        sns(cid, SnsAction.SUBSCRIBE_SUCCESS);
        String tenant = unique("tenant-");

        HttpResponse<String> put =
                http.send("PUT", "/v1/customers/" + customerId + "/tenant", admin, "{\"tenantId\":\"" + tenant + "\"}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json(put).get("tenantId").asString()).isEqualTo(tenant);
        JsonNode access = json(http.get("/v1/customers/" + tenant + "/access", reader));
        assertThat(access.get("customerId").asString()).isEqualTo(customerId);
        assertThat(access.get("allowed").asBoolean()).isTrue();
    }

    @Test
    void aBlankTenantIdIsABadRequestNamingTheField() {
        String customerId = register("saas", unique("CID"), null, null);

        HttpResponse<String> put =
                http.send("PUT", "/v1/customers/" + customerId + "/tenant", admin, "{\"tenantId\":\" \"}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("tenantId");
    }

    @Test
    void detailsCarryTheNotificationHistoryAndTheListFiltersByState() {
        String cid = unique("CID");
        String customerId = register("saas", cid, null, null);
        sns(cid, SnsAction.SUBSCRIBE_SUCCESS);

        JsonNode details = json(http.get("/v1/customers/" + customerId, reader));
        assertThat(details.get("notifications")).hasSize(1);
        assertThat(details.get("notifications").get(0).get("action").asString()).isEqualTo("subscribe_success");
        assertThat(details.get("subscription").get("state").asString()).isEqualTo("active");

        JsonNode failed = json(http.get("/v1/customers?product=saas&state=failed&limit=500", reader));
        assertThat(failed.get("customers").findValuesAsString("id")).doesNotContain(customerId);
        assertThat(http.get("/v1/customers?limit=0", reader).statusCode()).isEqualTo(400);
    }

    @Test
    void eventsArePagedAfterASequence() {
        register("saas", unique("CID"), null, null);

        JsonNode first = json(http.get("/v1/events?limit=1", reader));
        JsonNode next =
                json(http.get("/v1/events?limit=1&after=" + first.get("next").asLong(), reader));

        assertThat(first.get("events")).hasSize(1);
        assertThat(next.get("events").get(0).get("sequence").asLong())
                .isGreaterThan(first.get("events").get(0).get("sequence").asLong());
        assertThat(http.get("/v1/events?after=x", reader).statusCode()).isEqualTo(400);
    }

    @Test
    void changingTheTenantNeedsTheAdminScopeAndReadingNeedsAKey() {
        String customerId = register("saas", unique("CID"), null, null);

        HttpResponse<String> put =
                http.send("PUT", "/v1/customers/" + customerId + "/tenant", reader, "{\"tenantId\":\"t-1\"}");

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(http.get("/v1/customers/" + customerId + "/access", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aUsageWriteKeyCannotReadCustomers() {
        String customerId = register("saas", unique("CID"), null, null);
        String usageOnly =
                apiKeys.issue("usage-only", Set.of(Scope.USAGE_WRITE)).key();

        assertThat(http.get("/v1/customers", usageOnly).statusCode()).isEqualTo(403);
        assertThat(http.get("/v1/customers/" + customerId, usageOnly).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/v1/customers/" + customerId + "/access", usageOnly)
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/v1/customers/" + customerId + "/access", reader).statusCode())
                .isEqualTo(200);
    }
}
