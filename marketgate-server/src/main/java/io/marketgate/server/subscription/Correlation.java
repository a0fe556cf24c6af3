package io.marketgate.server.subscription;

import io.marketgate.server.product.IdentityMode;

/**
 * How a notification names its buyer, and whether that name is the subscription key of the product's
 * identity mode ({@code direct}) or must first be linked to one (by a registration, or by a License Updated
 * for the agreement). SNS carries only the CustomerIdentifier; agreement events carry no license ARN.
 *
 * @param alias {@code cid:}, {@code acct:}, {@code lic:} or {@code agmt:} followed by the id
 */
record Correlation(String alias, boolean direct) {

    static Correlation of(Notification notification, IdentityMode mode) {
        return switch (notification) {
            case Notification.Sns sns ->
                new Correlation("cid:" + sns.customerIdentifier(), mode == IdentityMode.LEGACY);
            case Notification.AgreementEvent event -> ofEvent(event, mode);
        };
    }

    private static Correlation ofEvent(Notification.AgreementEvent event, IdentityMode mode) {
        if (mode == IdentityMode.ACCOUNT && event.acceptorAccountId() != null) {
            return new Correlation("acct:" + event.acceptorAccountId(), true);
        }
        if (event.licenseArn() != null) {
            return new Correlation("lic:" + event.licenseArn(), mode == IdentityMode.LICENSE);
        }
        if (event.agreementId() != null) {
            return new Correlation("agmt:" + event.agreementId(), false);
        }
        return new Correlation("msg:" + event.messageId(), false);
    }

    /** The id after the prefix. */
    String id() {
        return alias.substring(alias.indexOf(':') + 1);
    }
}
