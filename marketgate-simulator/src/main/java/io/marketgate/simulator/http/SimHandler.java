package io.marketgate.simulator.http;

/** Answers one kind of request. Handlers return responses; they do not throw for expected errors. */
@FunctionalInterface
public interface SimHandler {

    SimResponse handle(SimRequest request) throws Exception;
}
