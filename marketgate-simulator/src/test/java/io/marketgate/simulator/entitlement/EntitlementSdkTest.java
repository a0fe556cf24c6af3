package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.ContractFixtures.CONTRACT_END;
import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.IdentityMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplaceentitlement.MarketplaceEntitlementClient;
import software.amazon.awssdk.services.marketplaceentitlement.model.Entitlement;
import software.amazon.awssdk.services.marketplaceentitlement.model.GetEntitlementFilterName;
import software.amazon.awssdk.services.marketplaceentitlement.model.GetEntitlementsRequest;
import software.amazon.awssdk.services.marketplaceentitlement.model.GetEntitlementsResponse;
import software.amazon.awssdk.services.marketplaceentitlement.model.InvalidParameterException;

/** GetEntitlements through the real AWS SDK v2 client (awsJson 1.1, the protocol SDK 2.40.2 speaks). */
class EntitlementSdkTest {

    private static final String PRODUCT = "prodcontract0001";
    private static Simulator sim;
    private static MarketplaceEntitlementClient client;
    private static List<Agreement> agreements;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).seed(7).build().start();
        contractProduct(sim, PRODUCT, IdentityMode.LEGACY);
        agreements = List.of(
                directContract(sim, PRODUCT, "210000000001", allValueTypes(10)),
                directContract(sim, PRODUCT, "210000000002", allValueTypes(20)),
                directContract(sim, PRODUCT, "210000000003", allValueTypes(30)));
        Agreement cancelled = directContract(sim, PRODUCT, "210000000004", allValueTypes(40));
        sim.state().completeCancel(cancelled.id());
        client = MarketplaceEntitlementClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @AfterEach
    void noEmptyPages() {
        sim.entitlementPaging().emptyPageEvery(0);
    }

    @Test
    void paginatorReadsEveryPageIncludingEmptyPagesThatCarryANextToken() {
        sim.entitlementPaging().emptyPageEvery(2);

        List<GetEntitlementsResponse> pages = client
                .getEntitlementsPaginator(GetEntitlementsRequest.builder()
                        .productCode(PRODUCT)
                        .maxResults(5)
                        .build())
                .stream()
                .toList();

        assertThat(pages).extracting(p -> p.entitlements().size()).containsExactly(5, 0, 5, 0, 2);
        assertThat(pages.get(1).nextToken()).isNotBlank();
        assertThat(pages.getLast().nextToken()).isNull();
        assertThat(pages.stream().flatMap(p -> p.entitlements().stream()).map(Entitlement::customerIdentifier))
                .hasSize(12)
                .doesNotContain(sim.state().buyer("210000000004").customerIdentifier());
    }

    @Test
    void defaultPageSizeIs25AndCancelledAgreementsAreNotReported() {
        GetEntitlementsResponse page = client.getEntitlements(b -> b.productCode(PRODUCT));

        assertThat(page.entitlements()).hasSize(12);
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void eachValueTypeArrivesInItsOwnMemberWithTheExpirationDate() {
        String customer = sim.state().buyer("210000000002").customerIdentifier();
        List<Entitlement> entitlements = client.getEntitlements(b -> b.productCode(PRODUCT)
                        .filter(Map.of(GetEntitlementFilterName.CUSTOMER_IDENTIFIER, List.of(customer))))
                .entitlements();

        assertThat(entitlements).hasSize(4).allSatisfy(e -> {
            assertThat(e.productCode()).isEqualTo(PRODUCT);
            assertThat(e.customerIdentifier()).isEqualTo(customer);
            assertThat(e.expirationDate()).isEqualTo(CONTRACT_END);
        });
        assertThat(byDimension(entitlements, "seats").value().integerValue()).isEqualTo(20);
        assertThat(byDimension(entitlements, "storage_tb").value().doubleValue())
                .isEqualTo(2.5);
        assertThat(byDimension(entitlements, "sso").value().booleanValue()).isTrue();
        assertThat(byDimension(entitlements, "tier").value().stringValue()).isEqualTo("gold");
    }

    @Test
    void filterValuesAreUnionedWithinAKeyAndKeysAreIntersected() {
        String first = sim.state().buyer("210000000001").customerIdentifier();
        String third = sim.state().buyer("210000000003").customerIdentifier();
        List<Entitlement> entitlements = client.getEntitlements(b -> b.productCode(PRODUCT)
                        .filter(Map.of(
                                GetEntitlementFilterName.CUSTOMER_IDENTIFIER, List.of(first, third),
                                GetEntitlementFilterName.DIMENSION, List.of("seats", "tier"))))
                .entitlements();

        assertThat(entitlements)
                .extracting(e -> e.customerIdentifier() + "/" + e.dimension())
                .containsExactlyInAnyOrder(first + "/seats", first + "/tier", third + "/seats", third + "/tier");
    }

    @Test
    void aTamperedNextTokenIsAnInvalidParameter() {
        String token = client.getEntitlements(b -> b.productCode(PRODUCT).maxResults(5))
                .nextToken();
        String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        assertThatThrownBy(
                        () -> client.getEntitlements(b -> b.productCode(PRODUCT).nextToken(tampered)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("NextToken");
    }

    @Test
    void aNextTokenIssuedForOtherFiltersIsAnInvalidParameter() {
        String token = client.getEntitlements(b -> b.productCode(PRODUCT).maxResults(5))
                .nextToken();

        assertThatThrownBy(() -> client.getEntitlements(b -> b.productCode(PRODUCT)
                        .nextToken(token)
                        .filter(Map.of(GetEntitlementFilterName.CUSTOMER_IDENTIFIER, List.of("someone")))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("NextToken");
    }

    @Test
    void maxResultsAbove25IsAnInvalidParameterNamingTheField() {
        assertThatThrownBy(
                        () -> client.getEntitlements(b -> b.productCode(PRODUCT).maxResults(26)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MaxResults");
    }

    @Test
    void anUnknownProductIsAnInvalidParameter() {
        assertThatThrownBy(() -> client.getEntitlements(b -> b.productCode("nosuchproduct")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("ProductCode");
    }

    private static Entitlement byDimension(List<Entitlement> entitlements, String dimension) {
        return entitlements.stream()
                .filter(e -> e.dimension().equals(dimension))
                .findFirst()
                .orElseThrow();
    }
}
