package io.marketgate.server.subscription.intake;

import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * Which signing certificates are trusted besides AWS's own (the simulator's, in the demo). Never a general
 * relaxation of AWS's certificate URL rules: exactly one URL, or exactly one pinned certificate.
 *
 * @param certificateUrl an envelope whose SigningCertURL equals this is verified with the certificate
 *     fetched from it; null for none
 * @param pinned an envelope whose SigningCertURL is not an AWS one is verified with this certificate, which
 *     is never fetched; null for none
 */
public record SnsTrust(URI certificateUrl, X509Certificate pinned) {

    /** Only AWS's certificates (production). */
    public static SnsTrust awsOnly() {
        return new SnsTrust(null, null);
    }
}
