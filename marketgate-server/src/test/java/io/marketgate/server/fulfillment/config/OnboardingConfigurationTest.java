package io.marketgate.server.fulfillment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.fulfillment.FormField;
import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The onboarding configuration: defaults, per-product overrides, and mistakes named with their fix. */
class OnboardingConfigurationTest {

    private final OnboardingConfiguration configuration = new OnboardingConfiguration();
    private final Catalog demo = Catalog.demo();

    private static OnboardingProperties properties(
            OnboardingProperties.Pages defaults,
            Map<String, OnboardingProperties.Pages> products,
            String assertionKey) {
        return new OnboardingProperties(
                Duration.ofMinutes(30),
                Duration.ofMinutes(2),
                DataSize.ofKilobytes(16),
                null,
                assertionKey,
                defaults,
                products);
    }

    private static OnboardingProperties.Pages pages(URI sellerUrl, List<OnboardingProperties.Field> fields) {
        return new OnboardingProperties.Pages(sellerUrl, null, "help@example.com", null, null, fields);
    }

    @Test
    void withoutFieldsTheFormAsksForCompanyContactNameAndEmail() {
        OnboardingSettings settings =
                configuration.onboardingSettings(properties(pages(null, null), Map.of(), null), demo);

        assertThat(settings.pages("demo").fields())
                .extracting(FormField::name)
                .containsExactly("company", "contact-name", "email");
        assertThat(settings.pages("demo").supportEmail()).isEqualTo("help@example.com");
        assertThat(settings.pages("demo").manualSla()).isEqualTo("one business day");
        assertThat(settings.demo()).isTrue();
    }

    @Test
    void aProductsOwnSettingsOverrideTheDefaults() {
        var own = new OnboardingProperties.Pages(
                URI.create("https://app.example.com/welcome"),
                null,
                null,
                null,
                "4 hours",
                List.of(new OnboardingProperties.Field("vat-id", "VAT number", "text", false, 20)));

        OnboardingSettings settings =
                configuration.onboardingSettings(properties(pages(null, null), Map.of("demo", own), null), demo);

        assertThat(settings.pages("demo").sellerUrl()).hasToString("https://app.example.com/welcome");
        assertThat(settings.pages("demo").supportEmail()).isEqualTo("help@example.com");
        assertThat(settings.pages("demo").fields())
                .containsExactly(new FormField("vat-id", "VAT number", FormField.Type.TEXT, false, 20));
    }

    @Test
    void mistakesStopTheStartNamingTheProperty() {
        assertThatThrownBy(() -> configuration.onboardingSettings(
                        properties(pages(null, null), Map.of("nope", pages(null, null)), null), demo))
                .isInstanceOf(InvalidConfigurationException.class)
                .extracting(e -> ((InvalidConfigurationException) e).property())
                .isEqualTo("marketgate.onboarding.products.nope");
        assertThatThrownBy(() -> configuration.onboardingSettings(
                        properties(pages(URI.create("/relative"), null), Map.of(), null), demo))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> configuration.onboardingSettings(
                        properties(
                                pages(
                                        null,
                                        List.of(new OnboardingProperties.Field("Bad Name", null, null, null, null))),
                                Map.of(),
                                null),
                        demo))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Bad Name");
        assertThatThrownBy(() -> configuration.onboardingSettings(
                        properties(
                                pages(null, List.of(new OnboardingProperties.Field("f", null, "date", null, null))),
                                Map.of(),
                                null),
                        demo))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(
                        () -> configuration.onboardingKeys(properties(pages(null, null), Map.of(), "c2hvcnQ="), demo))
                .isInstanceOf(InvalidConfigurationException.class)
                .extracting(e -> ((InvalidConfigurationException) e).property())
                .isEqualTo("marketgate.onboarding.assertion-key");
    }
}
