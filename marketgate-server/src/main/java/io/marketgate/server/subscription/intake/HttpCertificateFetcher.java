package io.marketgate.server.subscription.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** Fetches a PEM certificate over HTTP(S), without following redirects, with a size and time bound. */
public final class HttpCertificateFetcher implements CertificateFetcher {

    /** An SNS certificate is about 2 KB; anything far larger is not one. */
    private static final int MAX_BYTES = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    public HttpCertificateFetcher(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public X509Certificate fetch(URI url) throws CertificateUnavailable, CertificateRefused {
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new CertificateUnavailable("cannot fetch the signing certificate at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertificateUnavailable("interrupted while fetching the signing certificate", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new CertificateUnavailable("the signing certificate URL " + url + " answered " + status, null);
        }
        if (status != 200 || body.length > MAX_BYTES) {
            throw new CertificateRefused("the signing certificate URL answered " + status
                    + (body.length > MAX_BYTES ? " with an oversized body" : ""));
        }
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(body));
        } catch (CertificateException | ClassCastException e) {
            throw new CertificateRefused("the signing certificate URL did not serve an X.509 certificate");
        }
    }
}
