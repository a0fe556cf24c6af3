package io.marketgate.simulator.metering;

import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.sigv4.Caller;
import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.RegistrationToken;
import io.marketgate.simulator.state.SimState;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code AWSMPMeteringService.ResolveCustomer}: a registration token back into the buyer's identity, in the
 * fields of the product's identity mode. The same token gives the same answer until it expires.
 */
final class ResolveCustomerHandler {

    static final String OPERATION = "ResolveCustomer";

    private final SimState state;

    ResolveCustomerHandler(SimState state) {
        this.state = state;
    }

    MeteringReply handle(byte[] body, Caller caller) {
        JsonNode root = BatchMeterUsageParser.readObject(body);
        String token = BatchMeterUsageParser.string(root, "RegistrationToken", "registrationToken");
        if (token == null || token.isEmpty()) {
            // The model documents no validation exception for ResolveCustomer, so a missing or empty token is
            // answered with InvalidTokenException, worded like AWS's model validation.
            throw invalidToken("1 validation error detected: Value " + (token == null ? "null" : "''")
                    + " at 'registrationToken' failed to satisfy constraint: Member must "
                    + (token == null ? "not be null" : "satisfy regular expression pattern: [\\s\\S]+"));
        }
        RegistrationToken registration =
                state.token(token).orElseThrow(() -> invalidToken("Registration token is invalid."));
        Instant now = state.clock().instant();
        if (!now.isBefore(registration.expiresAt())) {
            throw MeteringException.client(
                    "ExpiredTokenException",
                    "Registration token has expired (expired at " + registration.expiresAt() + ").");
        }
        Agreement agreement = state.requireAgreement(registration.agreementId());
        Product product = state.requireProduct(agreement.productCode());
        if (!product.sellerAccountId().equals(caller.accountId())) {
            // AWS's answer for a token resolved with credentials other than the publishing seller account's.
            throw invalidToken("Registration token is invalid. ResolveCustomer must be called with credentials of"
                    + " the account that published the product (called by " + caller.accountId() + ").");
        }
        ObjectNode response = identity(product, agreement);
        return MeteringReply.of(
                SimResponse.of(200, AwsErrors.AWS_JSON, BatchMeterUsageParser.JSON.writeValueAsBytes(response)));
    }

    /**
     * Every mode gets the account id and the license ARN (what a later move to license-based metering
     * needs); only {@code legacy} and {@code account} products also get a CustomerIdentifier.
     */
    private ObjectNode identity(Product product, Agreement agreement) {
        ObjectNode response = BatchMeterUsageParser.JSON.createObjectNode();
        Buyer buyer = state.buyer(agreement.buyerAccountId());
        if (product.identityMode() != IdentityMode.LICENSE) {
            response.put("CustomerIdentifier", buyer.customerIdentifier());
        }
        response.put("CustomerAWSAccountId", buyer.accountId());
        response.put("LicenseArn", agreement.licenseArn());
        response.put("ProductCode", product.code());
        return response;
    }

    private static MeteringException invalidToken(String message) {
        return MeteringException.client("InvalidTokenException", message);
    }
}
