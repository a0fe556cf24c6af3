package io.marketgate.server;

import io.marketgate.server.aws.simulator.EmbeddedSimulator;
import java.util.Optional;
import org.springframework.context.ApplicationContext;

/** The embedded simulator of a running test context (its holder bean is internal to the aws module). */
public final class EmbeddedSimulators {

    private EmbeddedSimulators() {}

    public static EmbeddedSimulator of(ApplicationContext context) {
        try {
            Class<?> holderType = Class.forName("io.marketgate.server.aws.config.AwsConfiguration$SimulatorHolder");
            Object holder = context.getBean(holderType);
            var accessor = holderType.getDeclaredMethod("simulator");
            accessor.setAccessible(true);
            return ((Optional<?>) accessor.invoke(holder))
                    .map(EmbeddedSimulator.class::cast)
                    .orElseThrow(() -> new IllegalStateException("No embedded simulator in this context"));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach the embedded simulator", e);
        }
    }
}
