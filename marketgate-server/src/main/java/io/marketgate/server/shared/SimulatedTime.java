package io.marketgate.server.shared;

import java.time.Clock;
import java.util.Optional;

/**
 * The clock of an embedded local simulator, when one runs (the zero-configuration demo): the application
 * clock follows it, so moving the simulator's clock (e.g. to close an hour) moves Marketgate's too. Never
 * present in a production configuration, which cannot start the simulator.
 */
public interface SimulatedTime {

    Optional<Clock> clock();
}
