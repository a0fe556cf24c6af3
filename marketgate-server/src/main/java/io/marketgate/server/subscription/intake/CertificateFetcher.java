package io.marketgate.server.subscription.intake;

import java.net.URI;
import java.security.cert.X509Certificate;

/** Fetches an SNS signing certificate (outbound HTTP: the port tests replace). */
@FunctionalInterface
public interface CertificateFetcher {

    /**
     * @throws CertificateUnavailable when the certificate cannot be had now (network, 5xx): try again later
     * @throws CertificateRefused when the URL answers that there is no certificate there (a 4xx, or not one)
     */
    X509Certificate fetch(URI url) throws CertificateUnavailable, CertificateRefused;

    /** A temporary failure: the message stays on the queue and is retried. */
    final class CertificateUnavailable extends Exception {
        public CertificateUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The URL answered that it has no certificate (a 4xx, or not a certificate): the message is not genuine. */
    final class CertificateRefused extends Exception {
        public CertificateRefused(String message) {
            super(message);
        }
    }
}
