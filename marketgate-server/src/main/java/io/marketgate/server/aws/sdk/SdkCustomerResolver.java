package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.CustomerResolver;
import io.marketgate.server.aws.Resolution;
import io.marketgate.server.product.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;

/**
 * ResolveCustomer through the SDK with the product seller's credentials (AssumeRole where configured). The
 * SDK retries throttling and 5xx within the API call timeout; what still fails is {@link
 * Resolution.Unavailable}. LicenseArn, which the pinned SDK drops, is read from the wire in every identity
 * mode. The token is never logged.
 */
final class SdkCustomerResolver implements CustomerResolver {

    private static final Logger LOG = LoggerFactory.getLogger(SdkCustomerResolver.class);

    private final AwsClients clients;

    SdkCustomerResolver(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Resolution resolve(Product product, String registrationToken) {
        WireJson wire = WireJson.readingResponse();
        try {
            ResolveCustomerResponse response = clients.metering(product)
                    .resolveCustomer(
                            wire.attach(ResolveCustomerRequest.builder().registrationToken(registrationToken))
                                    .build());
            String licenseArn = wire.response()
                    .map(json -> json.path("LicenseArn").asString(null))
                    .orElse(null);
            return new Resolution.Resolved(
                    response.productCode(),
                    blankToNull(response.customerIdentifier()),
                    blankToNull(response.customerAWSAccountId()),
                    blankToNull(licenseArn));
        } catch (InvalidTokenException e) {
            return new Resolution.InvalidToken(AwsFailures.message(e));
        } catch (ExpiredTokenException e) {
            return new Resolution.ExpiredToken(AwsFailures.message(e));
        } catch (SdkException e) {
            // Throttling, 5xx, DisabledApi, timeouts, network and credential failures: the buyer may retry.
            String reason = AwsFailures.describe(e);
            LOG.warn("ResolveCustomer for product '{}' failed: {}", product.id(), reason);
            return new Resolution.Unavailable(reason);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
