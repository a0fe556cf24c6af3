package io.marketgate.server.fulfillment.config;

import io.marketgate.server.fulfillment.FormField;
import io.marketgate.server.fulfillment.OnboardingKeys;
import io.marketgate.server.fulfillment.OnboardingSettings;
import io.marketgate.server.fulfillment.ProductPages;
import io.marketgate.server.fulfillment.SigningKey;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Onboarding;
import io.marketgate.server.product.Product;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.webhooks.assertion.AssertionKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Validates the onboarding configuration against the catalogue; a mistake stops the start with its fix. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnboardingProperties.class)
class OnboardingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OnboardingConfiguration.class);
    private static final String PREFIX = "marketgate.onboarding";
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final List<FormField> DEFAULT_FIELDS = List.of(
            new FormField("company", "Company", FormField.Type.TEXT, true, 200),
            new FormField("contact-name", "Contact name", FormField.Type.TEXT, true, 200),
            new FormField("email", "E-mail", FormField.Type.EMAIL, true, 254));

    @Bean
    OnboardingKeys onboardingKeys(OnboardingProperties properties, Catalog catalog) {
        return new OnboardingKeys(
                key(properties.pendingKey(), PREFIX + ".pending-key", catalog),
                assertionKey(properties.assertionKey(), catalog));
    }

    @Bean
    OnboardingSettings onboardingSettings(OnboardingProperties properties, Catalog catalog) {
        for (String id : properties.products().keySet()) {
            if (catalog.product(id).isEmpty()) {
                throw new InvalidConfigurationException(
                        PREFIX + ".products." + id,
                        "no product '" + id + "' is configured",
                        "use the id of one of marketgate.products");
            }
        }
        Map<String, ProductPages> pages = new LinkedHashMap<>();
        for (Product product : catalog.products()) {
            OnboardingProperties.Pages own = properties.products().get(product.id());
            pages.put(product.id(), pages(product, own, properties.defaults(), catalog.isDemo()));
        }
        return new OnboardingSettings(
                properties.pendingTtl(),
                properties.assertionTtl(),
                properties.maxFormSize().toBytes(),
                catalog.isDemo(),
                pages);
    }

    private static ProductPages pages(
            Product product, OnboardingProperties.Pages own, OnboardingProperties.Pages defaults, boolean demo) {
        String path = PREFIX + ".products." + product.id();
        URI sellerUrl = pick(own, defaults, OnboardingProperties.Pages::sellerUrl);
        if (sellerUrl != null && !sellerUrl.isAbsolute()) {
            throw new InvalidConfigurationException(
                    path + ".seller-url", "'" + sellerUrl + "' is not an absolute URL", "use https://…");
        }
        if (sellerUrl == null && product.onboarding() == Onboarding.AUTOMATIC && !demo) {
            LOG.warn(
                    "Product '{}' onboards automatically but has no {}.seller-url: buyers who register see a"
                            + " confirmation page and are not sent to the seller's app",
                    product.id(),
                    path);
        }
        List<OnboardingProperties.Field> configured = pick(own, defaults, OnboardingProperties.Pages::fields);
        String sla = pick(own, defaults, OnboardingProperties.Pages::manualSla);
        return new ProductPages(
                sellerUrl,
                pick(own, defaults, OnboardingProperties.Pages::signInUrl),
                pick(own, defaults, OnboardingProperties.Pages::supportEmail),
                pick(own, defaults, OnboardingProperties.Pages::supportUrl),
                sla == null || sla.isBlank() ? "one business day" : sla,
                configured == null || configured.isEmpty() ? DEFAULT_FIELDS : fields(configured, path + ".fields"));
    }

    private static List<FormField> fields(List<OnboardingProperties.Field> configured, String path) {
        List<FormField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            OnboardingProperties.Field field = configured.get(i);
            String at = path + "[" + i + "]";
            if (field.name() == null || !FIELD_NAME.matcher(field.name()).matches()) {
                throw new InvalidConfigurationException(
                        at + ".name", "'" + field.name() + "' is not a field name", "use lower case, digits, dashes");
            }
            if (!names.add(field.name())) {
                throw new InvalidConfigurationException(at + ".name", "duplicate field", "name each field once");
            }
            int maxLength = field.maxLength() == null ? 200 : field.maxLength();
            if (maxLength < 1 || maxLength > 2000) {
                throw new InvalidConfigurationException(at + ".max-length", maxLength + "", "use 1 to 2000");
            }
            fields.add(new FormField(
                    field.name(),
                    field.label() == null ? field.name() : field.label(),
                    type(field.type(), at),
                    field.required() == null || field.required(),
                    maxLength));
        }
        return fields;
    }

    private static FormField.Type type(String type, String at) {
        if (type == null || type.isBlank()) {
            return FormField.Type.TEXT;
        }
        try {
            return FormField.Type.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(at + ".type", "unknown type '" + type + "'", "use text or email");
        }
    }

    private static <T> T pick(
            OnboardingProperties.Pages own,
            OnboardingProperties.Pages defaults,
            Function<OnboardingProperties.Pages, T> get) {
        T value = own == null ? null : get.apply(own);
        return value != null ? value : get.apply(defaults);
    }

    private static AssertionKey assertionKey(String configured, Catalog catalog) {
        String property = PREFIX + ".assertion-key";
        if (configured != null && !configured.isBlank()) {
            try {
                return AssertionKey.parse(configured);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(
                        property, e.getMessage(), "use 32 to 64 random bytes in base64, e.g. openssl rand -base64 32");
            }
        }
        warnUnlessDemo(property, catalog);
        return AssertionKey.generate();
    }

    private static void warnUnlessDemo(String property, Catalog catalog) {
        if (!catalog.isDemo()) {
            LOG.warn(
                    "{} is not set: using a random key until this instance stops; set it (the same on every"
                            + " instance) so registrations survive restarts and sellers can verify",
                    property);
        }
    }

    private static SigningKey key(String configured, String property, Catalog catalog) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new InvalidConfigurationException(
                        property, "is shorter than 32 characters", "use a random value of at least 32 characters");
            }
            return SigningKey.fromConfiguration(configured);
        }
        if (!catalog.isDemo()) {
            LOG.warn(
                    "{} is not set: using a random key until this instance stops; set it (the same on every"
                            + " instance) so registrations survive restarts and sellers can verify",
                    property);
        }
        return SigningKey.random();
    }
}
