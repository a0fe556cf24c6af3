package io.marketgate.simulator.metering;

import io.marketgate.simulator.sigv4.Caller;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SimState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole-call checks of BatchMeterUsage, record by record: product and caller, customer, license,
 * dimension, allocations, time window. The first failure fails the call and nothing is recorded.
 *
 * <p>A record with a LicenseArn is LicenseArn-keyed (it needs CustomerAWSAccountId, not CustomerIdentifier);
 * others are ProductCode-keyed and need the request's ProductCode. A request without ProductCode meters the
 * product of its licenses, which must all be one product. A caller that did not publish the product gets
 * {@code InvalidProductCodeException} (or {@code InvalidLicenseException} for a LicenseArn-only request):
 * AWS documents no error for the wrong account, so the simulator uses the closest documented one.
 */
final class RecordResolver {

    private final SimState state;
    private final Caller caller;
    private final Instant now;
    private Product licenseProduct;

    RecordResolver(SimState state, Caller caller, Instant now) {
        this.state = state;
        this.caller = caller;
        this.now = now;
    }

    List<ResolvedRecord> resolve(BatchMeterUsageRequest request) {
        Product requestProduct = request.productCode() == null ? null : publishedProduct(request.productCode());
        List<ResolvedRecord> resolved = new ArrayList<>();
        for (UsageRecordInput record : request.usageRecords()) {
            ResolvedRecord one = record.licenseArn() != null
                    ? licenseKeyed(record, requestProduct)
                    : productKeyed(record, requestProduct);
            checkDimension(record, one.product());
            AllocationRules.check(record);
            UsageWindow.problem(record.timestamp(), now).ifPresent(problem -> {
                throw MeteringException.client(
                        "TimestampOutOfBoundsException", problem + " at " + record.field("timestamp"));
            });
            resolved.add(one);
        }
        return resolved;
    }

    private Product publishedProduct(String productCode) {
        Optional<Product> product = state.product(productCode);
        if (product.isEmpty()) {
            throw invalidProductCode("Product code " + productCode + " does not match any published product");
        }
        if (!product.get().sellerAccountId().equals(caller.accountId())) {
            throw invalidProductCode("Product code " + productCode + " was not published by account "
                    + caller.accountId() + "; call with the publishing seller account's credentials");
        }
        return product.get();
    }

    private ResolvedRecord productKeyed(UsageRecordInput record, Product product) {
        if (product == null) {
            throw invalidProductCode("ProductCode is required for usage records without LicenseArn ("
                    + record.field("licenseArn") + " is absent)");
        }
        checkOneCustomerId(record);
        Instant hour = record.timestamp().truncatedTo(ChronoUnit.HOURS);
        if (record.customerIdentifier() != null) {
            if (product.identityMode() == IdentityMode.LICENSE) {
                throw invalidCustomer("CustomerIdentifier is not supported for this product's integration; send"
                        + " CustomerAWSAccountId and LicenseArn (" + record.field("customerIdentifier") + ")");
            }
            Buyer buyer = state.buyerByCustomerIdentifier(record.customerIdentifier())
                    .orElseThrow(() -> invalidCustomer("CustomerIdentifier " + record.customerIdentifier()
                            + " does not exist (" + record.field("customerIdentifier") + ")"));
            return new ResolvedRecord(
                    record,
                    product,
                    latest(product, buyer.accountId()),
                    buyer.accountId(),
                    DedupeKey.productCode(
                            caller.region(),
                            product.code(),
                            "identifier:" + record.customerIdentifier(),
                            record.dimension(),
                            hour));
        }
        if (record.customerAwsAccountId() == null) {
            throw invalidCustomer("One of CustomerIdentifier, CustomerAWSAccountId or LicenseArn is required at "
                    + record.field("customerAWSAccountId"));
        }
        String account = record.customerAwsAccountId();
        return new ResolvedRecord(
                record,
                product,
                latest(product, account),
                account,
                DedupeKey.productCode(caller.region(), product.code(), "account:" + account, record.dimension(), hour));
    }

    private ResolvedRecord licenseKeyed(UsageRecordInput record, Product requestProduct) {
        checkOneCustomerId(record);
        if (record.customerIdentifier() != null || record.customerAwsAccountId() == null) {
            throw invalidCustomer("A record with LicenseArn needs CustomerAWSAccountId (not CustomerIdentifier) at "
                    + record.field("customerAWSAccountId"));
        }
        Agreement agreement = state.agreementByLicenseArn(record.licenseArn())
                .orElseThrow(() -> invalidLicense(record, "does not exist"));
        if (!agreement.buyerAccountId().equals(record.customerAwsAccountId())) {
            throw invalidLicense(record, "does not belong to customer " + record.customerAwsAccountId());
        }
        Product product = state.requireProduct(agreement.productCode());
        if (requestProduct != null && !requestProduct.code().equals(product.code())) {
            throw invalidLicense(record, "is not a license of product " + requestProduct.code());
        }
        checkLicenseProduct(record, product);
        if (UsageBeforeActivation.refuses(record.timestamp(), agreement)) {
            throw invalidLicense(
                    record,
                    "was not active at " + record.timestamp() + " (activated " + agreement.activatedAt()
                            + "; usage is accepted from the start of that hour)");
        }
        return new ResolvedRecord(
                record,
                product,
                agreement,
                agreement.buyerAccountId(),
                DedupeKey.licenseArn(
                        caller.region(),
                        agreement.buyerAccountId(),
                        record.licenseArn(),
                        record.dimension(),
                        record.timestamp().truncatedTo(ChronoUnit.HOURS)));
    }

    private void checkLicenseProduct(UsageRecordInput record, Product product) {
        if (!product.sellerAccountId().equals(caller.accountId())) {
            throw invalidLicense(record, "is for a product not published by account " + caller.accountId());
        }
        if (licenseProduct != null && !licenseProduct.code().equals(product.code())) {
            throw invalidLicense(
                    record,
                    "is for product " + product.code() + " but this request meters " + licenseProduct.code()
                            + "; meter one product per request");
        }
        licenseProduct = product;
    }

    private static void checkOneCustomerId(UsageRecordInput record) {
        if (record.customerIdentifier() != null && record.customerAwsAccountId() != null) {
            Violations violations = new Violations();
            violations.custom("CustomerIdentifier and CustomerAWSAccountId are mutually exclusive at "
                    + record.field("customerIdentifier") + "; use one or the other");
            violations.throwIfAny();
        }
    }

    private static void checkDimension(UsageRecordInput record, Product product) {
        boolean metered =
                product.dimension(record.dimension()).map(d -> d.metered()).orElse(false);
        if (!metered) {
            throw MeteringException.client(
                    "InvalidUsageDimensionException",
                    "The usage dimension " + record.dimension()
                            + " does not match one of the metered dimensions of product " + product.code() + " at "
                            + record.field("dimension"));
        }
    }

    private Agreement latest(Product product, String buyerAccountId) {
        return state.latestAgreement(product.code(), buyerAccountId).orElse(null);
    }

    private static MeteringException invalidProductCode(String message) {
        return MeteringException.client("InvalidProductCodeException", message);
    }

    private static MeteringException invalidCustomer(String message) {
        return MeteringException.client("InvalidCustomerIdentifierException", message);
    }

    private static MeteringException invalidLicense(UsageRecordInput record, String problem) {
        return MeteringException.client(
                "InvalidLicenseException",
                "LicenseArn " + record.licenseArn() + " " + problem + " at " + record.field("licenseArn"));
    }
}
