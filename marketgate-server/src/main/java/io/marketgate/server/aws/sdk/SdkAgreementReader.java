package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.AgreementRead;
import io.marketgate.server.aws.AgreementReader;
import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.product.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.marketplaceagreement.MarketplaceAgreementClient;
import software.amazon.awssdk.services.marketplaceagreement.model.DescribeAgreementResponse;
import software.amazon.awssdk.services.marketplaceagreement.model.GetAgreementTermsResponse;
import software.amazon.awssdk.services.marketplaceagreement.model.ResourceNotFoundException;

/**
 * DescribeAgreement for status and parties, then GetAgreementTerms (every page) for a free trial, which
 * DescribeAgreement does not carry. Both with the product seller's credentials, in us-east-1.
 */
final class SdkAgreementReader implements AgreementReader {

    /** A guard against a service that never stops paging; an agreement has a handful of terms. */
    static final int MAX_PAGES = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SdkAgreementReader.class);

    private final AwsClients clients;

    SdkAgreementReader(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public AgreementRead describe(Product product, String agreementId) {
        MarketplaceAgreementClient client = clients.agreement(product.seller());
        try {
            DescribeAgreementResponse agreement = client.describeAgreement(r -> r.agreementId(agreementId));
            Boolean freeTrial = hasFreeTrial(client, agreementId);
            if (freeTrial == null) {
                return new AgreementRead.Failed(
                        "GetAgreementTerms for " + agreementId + " still paging after " + MAX_PAGES + " pages", true);
            }
            return new AgreementRead.Found(
                    agreement.agreementId(),
                    agreement.statusAsString(),
                    agreement.acceptor() == null ? null : agreement.acceptor().accountId(),
                    agreement.proposer() == null ? null : agreement.proposer().accountId(),
                    agreement.startTime(),
                    agreement.endTime(),
                    freeTrial);
        } catch (ResourceNotFoundException e) {
            return new AgreementRead.NotFound(AwsFailures.message(e));
        } catch (SdkException e) {
            String reason = AwsFailures.describe(e);
            LOG.warn("Agreement {} of product '{}' could not be read: {}", agreementId, product.id(), reason);
            return new AgreementRead.Failed(reason, AwsFailures.retryable(e));
        }
    }

    /** Whether an accepted term is a free trial; null when the pages never end. */
    private static Boolean hasFreeTrial(MarketplaceAgreementClient client, String agreementId) {
        String nextToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String token = nextToken;
            GetAgreementTermsResponse terms =
                    client.getAgreementTerms(r -> r.agreementId(agreementId).nextToken(token));
            if (terms.acceptedTerms().stream().anyMatch(t -> t.freeTrialPricingTerm() != null)) {
                return true;
            }
            nextToken = terms.nextToken();
            if (nextToken == null || nextToken.isEmpty()) {
                return false;
            }
        }
        return null;
    }
}
