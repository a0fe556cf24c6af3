package io.marketgate.server.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsEndpoints;
import io.marketgate.server.aws.JvmCredentials;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.Seller;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.simulator.Simulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The startup check with the default credentials chain (fed through JVM properties) against a simulator's STS. */
@ExtendWith(OutputCaptureExtension.class)
class StartupIdentityCheckTest {

    private static final String SELLER_ACCOUNT = "111122223333";
    private static final Seller ACME = new Seller("acme", SELLER_ACCOUNT, null, null, "us-east-1");

    private final Simulator sim = Simulator.builder().port(0).seed(11).build().start();
    private AwsClients clients;

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        sim.close();
    }

    @Test
    void credentialsOfAnotherAccountStopStartupNamingTheSellersAccountId() {
        try (var credentials = JvmCredentials.ofAccount("444455556666")) {
            StartupIdentityCheck check = check(sim.endpoint(), Duration.ofSeconds(10));

            assertThatThrownBy(() -> check.run(new DefaultApplicationArguments()))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                        assertThat(e.property()).isEqualTo("marketgate.sellers.acme.account-id");
                        assertThat(e.getMessage()).contains("444455556666");
                    });
        }
    }

    @Test
    void credentialsOfTheSellersAccountPassTheCheck() {
        try (var credentials = JvmCredentials.ofAccount(SELLER_ACCOUNT)) {
            StartupIdentityCheck check = check(sim.endpoint(), Duration.ofSeconds(10));

            assertThatCode(() -> check.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
        }
    }

    @Test
    void unreachableStsIsLoggedAndDoesNotStopStartup(CapturedOutput output) throws IOException {
        try (var credentials = JvmCredentials.ofAccount("444455556666")) {
            StartupIdentityCheck check = check(closedLoopbackPort(), Duration.ofSeconds(2));

            assertThatCode(() -> check.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
            assertThat(output).contains("Seller 'acme': cannot ask STS which account the credentials reach");
        }
    }

    private StartupIdentityCheck check(URI sts, Duration apiCallTimeout) {
        clients = new AwsClients(
                new AwsEndpoints(Optional.of(sts), Optional.empty(), false),
                ApacheHttpClient.builder().build(),
                apiCallTimeout);
        return new StartupIdentityCheck(true, clients, new Catalog(List.of(ACME), List.of()));
    }

    /** A port that was free a moment ago and is closed now, so connecting is refused at once. */
    private static URI closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
