package io.marketgate.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies of 1 MB or more (AWS's BatchMeterUsage requests must be less than 1 MB) are refused before they are read whole: the answer
 * comes while the client has not finished sending, which a server buffering the whole body would never give.
 */
class RequestBodyLimitTest {

    private static final String METER = "AWSMPMeteringService.BatchMeterUsage";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");
    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(1313).build().start();
        MarketplaceFixtures.product(sim.state(), "limitprod", IdentityMode.ACCOUNT);
        MarketplaceFixtures.subscribe(sim.state(), "limitprod", "290000000001");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aDeclaredLengthOfOneMegabyteIsRefusedBeforeTheBodyIsSent() throws IOException {
        String answer =
                exchange(head("POST", "/", METER) + "Content-Length: " + BodyLimit.MAX_BYTES + "\r\n\r\n", new byte[0]);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer)
                .contains("\"__type\":\"ValidationException\"")
                .contains("BatchMeterUsage requests must be less than 1 MB");
    }

    @Test
    void aChunkedBodyIsRefusedOnceItReachesOneMegabyteWithoutWaitingForItsEnd() throws IOException {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < BodyLimit.MAX_BYTES; sent += chunk.length) {
            chunks.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.writeBytes(chunk);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        // No closing zero-length chunk: the body never ends, so only a refusal while streaming answers.
        String answer = exchange(head("POST", "/", METER) + "Transfer-Encoding: chunked\r\n\r\n", chunks.toByteArray());

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("ValidationException").contains("less than 1 MB");
    }

    @Test
    void theControlApiAndTheBuyerPagesRefuseInTheirOwnFormat() throws IOException {
        String tooLong = "Content-Length: " + BodyLimit.MAX_BYTES + "\r\n\r\n";

        String control = exchange(head("POST", "/_sim/products", null) + tooLong, new byte[0]);
        String buyer = exchange(head("POST", "/buyer/subscribe", null) + tooLong, new byte[0]);

        assertThat(control).startsWith("HTTP/1.1 413").contains("{\"error\":");
        assertThat(buyer).startsWith("HTTP/1.1 413").contains("<h1>413 Request too large</h1>");
    }

    @Test
    void aBodyJustUnderOneMegabyteIsHandled() throws Exception {
        String records = "{\"ProductCode\":\"limitprod\",\"UsageRecords\":[{\"Timestamp\":"
                + MarketplaceFixtures.NOW.getEpochSecond()
                + ",\"CustomerAWSAccountId\":\"290000000001\",\"Dimension\":\"users\",\"Quantity\":1}]}";
        String body = records + " ".repeat(BodyLimit.MAX_BYTES - 1 - records.length());

        RawAwsJson.Response response = RawAwsJson.marketplace(sim).send(METER, body);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().at("/Results/0/Status").asString()).isEqualTo("Success");
    }

    private static String head(String method, String path, String target) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + (target == null ? "" : "X-Amz-Target: " + target + "\r\n");
    }

    /**
     * Sends the head and body bytes without finishing the body, and reads the answer's head and its
     * Content-Length bytes of body (the connection is not read to its end: the server may still be draining).
     */
    private static String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(sim.endpoint().getHost(), sim.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            while (!answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                answer.write(b);
            }
            String responseHead = answer.toString(StandardCharsets.ISO_8859_1);
            Matcher length = CONTENT_LENGTH.matcher(responseHead);
            byte[] responseBody = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return responseHead + new String(responseBody, StandardCharsets.UTF_8);
        }
    }
}
