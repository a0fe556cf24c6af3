package io.marketgate.server.aws;

import io.marketgate.server.product.Product;

/**
 * Port: the Agreement API (DescribeAgreement for status and parties, GetAgreementTerms for a free trial),
 * where an EventBridge event says too little.
 */
public interface AgreementReader {

    AgreementRead describe(Product product, String agreementId);
}
