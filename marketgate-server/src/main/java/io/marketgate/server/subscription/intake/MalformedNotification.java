package io.marketgate.server.subscription.intake;

/** A message that cannot be parsed or verified; its message becomes the quarantine reason. */
class MalformedNotification extends RuntimeException {

    MalformedNotification(String reason) {
        super(reason, null, false, false);
    }
}
