package io.marketgate.simulator.sts;

import io.marketgate.simulator.http.SimResponse;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** STS responses in the query protocol's XML shapes, which the AWS SDKs and CLI parse. */
final class StsXml {

    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String XML = "text/xml";

    private StsXml() {}

    static SimResponse assumeRole(IssuedCredentials credentials) {
        String body = "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + element("Arn", credentials.assumedRoleArn())
                + element("AssumedRoleId", credentials.assumedRoleId())
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + element("AccessKeyId", credentials.accessKeyId())
                + element("SecretAccessKey", credentials.secretAccessKey())
                + element("SessionToken", credentials.sessionToken())
                + element(
                        "Expiration",
                        DateTimeFormatter.ISO_INSTANT.format(
                                credentials.expiration().truncatedTo(ChronoUnit.SECONDS)))
                + "    </Credentials>\n"
                + "  </AssumeRoleResult>\n"
                + metadata()
                + "</AssumeRoleResponse>\n";
        return ok(body);
    }

    static SimResponse callerIdentity(String arn, String userId, String account) {
        String body = "<GetCallerIdentityResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <GetCallerIdentityResult>\n"
                + element("Arn", arn)
                + element("UserId", userId)
                + element("Account", account)
                + "  </GetCallerIdentityResult>\n"
                + metadata()
                + "</GetCallerIdentityResponse>\n";
        return ok(body);
    }

    /** {@code <ErrorResponse>} as STS sends it; {@code Sender} faults are the caller's, 5xx the service's. */
    static SimResponse error(int status, String code, String message) {
        String type = status >= 500 ? "Receiver" : "Sender";
        String body = "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + element("Type", type)
                + element("Code", code)
                + element("Message", message)
                + "  </Error>\n"
                + element("RequestId", UUID.randomUUID().toString())
                + "</ErrorResponse>\n";
        return SimResponse.text(status, XML, body);
    }

    private static SimResponse ok(String body) {
        return SimResponse.text(200, XML, body);
    }

    private static String metadata() {
        return "  <ResponseMetadata>\n" + element("RequestId", UUID.randomUUID().toString())
                + "  </ResponseMetadata>\n";
    }

    private static String element(String name, String value) {
        return "    <" + name + ">" + escape(value) + "</" + name + ">\n";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
