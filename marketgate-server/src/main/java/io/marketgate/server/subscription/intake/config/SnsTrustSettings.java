package io.marketgate.server.subscription.intake.config;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.server.subscription.intake.SnsTrust;
import io.marketgate.simulator.sns.SnsEnvelopes;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link SnsTrust} from the settings, or for the zero-configuration demo from its simulator. */
final class SnsTrustSettings {

    private static final Logger LOG = LoggerFactory.getLogger(SnsTrustSettings.class);
    private static final String URL_PROPERTY = "marketgate.notifications.sns.trusted-certificate-url";
    private static final String PEM_PROPERTY = "marketgate.notifications.sns.trusted-certificate-pem";

    private SnsTrustSettings() {}

    static SnsTrust trust(IntakeProperties.Sns sns, Catalog catalog, AwsClients aws) {
        URI url = sns.trustedCertificateUrl();
        X509Certificate pinned = pem(sns.trustedCertificatePem());
        if (url == null && pinned == null && catalog.isDemo()) {
            url = aws.endpoints()
                    .marketplace()
                    .filter(endpoint -> aws.endpoints().simulatorCredentials())
                    .map(endpoint ->
                            URI.create(endpoint.toString().replaceAll("/$", "") + SnsEnvelopes.CERTIFICATE_PATH))
                    .orElse(null);
            if (url != null) {
                LOG.info("Demo: SNS envelopes signed with the embedded simulator's certificate ({}) are trusted", url);
            }
        } else if (url != null || pinned != null) {
            LOG.warn(
                    "SNS envelopes signed with {} are trusted besides AWS's certificates; set this only for a"
                            + " simulator",
                    url != null ? "the certificate at " + url : "the configured PEM certificate");
        }
        if (url != null) {
            checkUrl(url);
        }
        return new SnsTrust(url, pinned);
    }

    private static void checkUrl(URI url) {
        boolean https = "https".equals(url.getScheme());
        boolean loopbackHttp = "http".equals(url.getScheme()) && isLoopback(url.getHost());
        if (!https && !loopbackHttp) {
            throw new InvalidConfigurationException(
                    URL_PROPERTY,
                    "is " + url + ": a certificate fetched over plain HTTP from another machine can be swapped",
                    "use an https URL, an http URL on 127.0.0.1, or " + PEM_PROPERTY);
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static X509Certificate pem(String pem) {
        if (pem == null || pem.isBlank()) {
            return null;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new InvalidConfigurationException(
                    PEM_PROPERTY,
                    "is not a PEM X.509 certificate",
                    "paste the whole -----BEGIN CERTIFICATE----- block");
        }
    }
}
