package io.marketgate.server.subscription.intake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsEndpoints;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.PricingModel;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.server.subscription.intake.SimulatedNotifications;
import io.marketgate.simulator.sns.SnsSigningCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** Settings that cannot work stop startup naming the property; only the demo trusts a simulator by itself. */
class IntakeSettingsTest {

    private final AwsClients simulatorClients = new AwsClients(
            AwsEndpoints.simulator(URI.create("http://127.0.0.1:4599"), URI.create("http://127.0.0.1:9324")),
            ApacheHttpClient.create(),
            Duration.ofSeconds(5));
    private final AwsClients awsClients = new AwsClients(
            new AwsEndpoints(Optional.empty(), Optional.empty(), false),
            ApacheHttpClient.create(),
            Duration.ofSeconds(5));

    @AfterEach
    void close() {
        simulatorClients.close();
        awsClients.close();
    }

    @Test
    void theDemoTrustsExactlyItsSimulatorsCertificateUrl() {
        var trust = SnsTrustSettings.trust(sns(null, null), Catalog.demo(), simulatorClients);

        assertThat(trust.certificateUrl())
                .isEqualTo(URI.create("http://127.0.0.1:4599/_sim/sns/SimpleNotificationService-marketgate.pem"));
        assertThat(trust.pinned()).isNull();
    }

    @Test
    void configuredProductsTrustOnlyAwsUnlessTold() {
        var trust = SnsTrustSettings.trust(sns(null, null), configuredCatalog(), awsClients);

        assertThat(trust.certificateUrl()).isNull();
        assertThat(trust.pinned()).isNull();
    }

    @Test
    void aPinnedPemIsReadAndAnHttpsUrlIsAccepted() {
        String pem = SnsSigningCertificate.generate().pem();

        assertThat(SnsTrustSettings.trust(sns(null, pem), configuredCatalog(), awsClients)
                        .pinned())
                .isNotNull();
        assertThat(SnsTrustSettings.trust(
                                sns(URI.create("https://sim.example.com/cert.pem"), null),
                                configuredCatalog(),
                                awsClients)
                        .certificateUrl())
                .hasHost("sim.example.com");
    }

    @Test
    void plainHttpToAnotherMachineAndBrokenPemsStopStartup() {
        assertThatThrownBy(() -> SnsTrustSettings.trust(
                        sns(URI.create("http://sim.example.com/cert.pem"), null), configuredCatalog(), awsClients))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.property())
                        .isEqualTo("marketgate.notifications.sns.trusted-certificate-url"));
        assertThatThrownBy(() -> SnsTrustSettings.trust(sns(null, "not a pem"), configuredCatalog(), awsClients))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.property())
                        .isEqualTo("marketgate.notifications.sns.trusted-certificate-pem"));
    }

    @Test
    void pollingSettingsOutsideSqsLimitsStopStartup() {
        assertThat(IntakeConfiguration.settings(properties(Duration.ofSeconds(20), Duration.ofSeconds(60), 10)))
                .isNotNull();
        assertThatThrownBy(() ->
                        IntakeConfiguration.settings(properties(Duration.ofSeconds(21), Duration.ofSeconds(60), 10)))
                .hasMessageContaining("marketgate.notifications.wait-time");
        assertThatThrownBy(() -> IntakeConfiguration.settings(properties(Duration.ofSeconds(20), Duration.ZERO, 10)))
                .hasMessageContaining("marketgate.notifications.visibility-timeout");
        assertThatThrownBy(() ->
                        IntakeConfiguration.settings(properties(Duration.ofSeconds(20), Duration.ofSeconds(60), 11)))
                .hasMessageContaining("marketgate.notifications.max-messages");
    }

    private static IntakeProperties.Sns sns(URI url, String pem) {
        return new IntakeProperties.Sns(url, pem, Duration.ofSeconds(10));
    }

    private static IntakeProperties properties(Duration wait, Duration visibility, int maxMessages) {
        return new IntakeProperties(
                true,
                wait,
                visibility,
                maxMessages,
                Duration.ofSeconds(5),
                Map.of(),
                sns(null, null),
                new IntakeProperties.EventBridge(List.of("aws.agreement-marketplace")));
    }

    private static Catalog configuredCatalog() {
        var product = SimulatedNotifications.serverProduct("cfgprod", PricingModel.SUBSCRIPTION);
        return new Catalog(List.of(product.seller()), List.of(product));
    }
}
