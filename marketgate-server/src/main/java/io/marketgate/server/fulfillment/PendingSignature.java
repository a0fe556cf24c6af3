package io.marketgate.server.fulfillment;

import io.marketgate.server.customer.AwsIdentity;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the server signs in a pending registration: everything that decides who registers, for which
 * product, from which browser, until when. Fields are joined with a separator no field can hold unescaped.
 */
final class PendingSignature {

    private PendingSignature() {}

    static String content(PendingRegistration p) {
        AwsIdentity identity = p.identity();
        return Stream.of(
                        "pending-registration/v1",
                        p.id(),
                        p.productId(),
                        p.productCode(),
                        identity.customerIdentifier(),
                        identity.customerAwsAccountId(),
                        identity.licenseArn(),
                        p.offerType(),
                        p.browserHash(),
                        String.valueOf(p.expiresAt().toEpochMilli()))
                .map(value -> Objects.toString(value, "").replace("\\", "\\\\").replace("\n", "\\n"))
                .collect(Collectors.joining("\n"));
    }

    /** The CSRF token of the registration form: bound to the pending registration and the browser's secret. */
    static String csrfContent(String pendingId, String browserSecret) {
        return "registration-form/v1\n" + pendingId + "\n" + browserSecret;
    }
}
