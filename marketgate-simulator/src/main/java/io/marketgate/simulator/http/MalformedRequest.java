package io.marketgate.simulator.http;

/**
 * A request the simulator cannot even read: a malformed percent-encoding in a form, a query or a path
 * segment. Answered with 400 in the format of the part of the port it was sent to.
 */
public final class MalformedRequest extends RuntimeException {

    public MalformedRequest(String message) {
        super(message);
    }
}
