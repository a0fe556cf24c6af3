package io.marketgate.simulator.control;

/** A product, buyer or agreement id that the simulator does not know: answered with 404. */
public final class UnknownId extends RuntimeException {

    private final String field;

    public UnknownId(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
