package io.marketgate.simulator.sns;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimResponse;
import java.util.function.Supplier;

/** Serves the signing certificate at SigningCertURL and answers UnsubscribeURL. */
public final class SnsRoutes {

    private final Supplier<SnsSigningCertificate> certificate;

    public SnsRoutes(Supplier<SnsSigningCertificate> certificate) {
        this.certificate = certificate;
    }

    public void register(Router router) {
        router.get(
                SnsEnvelopes.CERTIFICATE_PATH,
                request -> SimResponse.text(
                        200, "application/x-pem-file", certificate.get().pem()));
        // Subscriptions are not modelled: the queue always receives the product's topics.
        router.get(
                SnsEnvelopes.UNSUBSCRIBE_PATH,
                request -> SimResponse.text(
                        200,
                        "text/plain; charset=utf-8",
                        "The simulator does not model SNS subscriptions; nothing was unsubscribed.\n"));
    }
}
