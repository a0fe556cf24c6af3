package io.marketgate.simulator.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps web pages from driving the control API, the buyer pages or STS through a developer's browser. It
 * checks requests under {@code /_sim} and {@code /buyer}, STS's query-protocol requests at {@code /}, and any
 * request a browser sent (see {@link #problem}):
 *
 * <ul>
 *   <li>bound to loopback, the {@code Host} header must name loopback ({@code localhost}, {@code 127.x.x.x},
 *       {@code [::1]}). A DNS-rebinding page (a hostile name resolving to 127.0.0.1) sends its own name as
 *       Host, and its Origin matches that Host, so the Origin rule alone would let it through;
 *   <li>an {@code Origin} header, when present, must be {@code http://} followed by the Host header: a
 *       page of another origin posting a form or {@code text/plain} body needs no CORS preflight.
 * </ul>
 *
 * <p>Bound elsewhere (the user opted in to a non-loopback address), only the Origin rule applies: the
 * Host is whatever name the network gives the machine. The awsJson and CBOR APIs are not checked (SDKs and
 * the CLI send no Origin, and a page cannot send their headers cross-site without a preflight); STS is,
 * because the credentials it issues are what a rebinding page is after.
 */
public final class LocalOriginGuard {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LOOPBACK_IPV4 =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final boolean loopbackOnly;

    /** @param boundToLoopback whether the simulator listens on a loopback address only */
    public LocalOriginGuard(boolean boundToLoopback) {
        this.loopbackOnly = boundToLoopback;
    }

    /** A 403 answer when the request must be refused, or empty to let it through. */
    public Optional<SimResponse> refusal(SimRequest request) {
        return problem(request).map(reason -> respond(request, reason));
    }

    /** The control API and the buyer pages; the router ignores leading and repeated slashes, so this does too. */
    private static boolean localPages(SimRequest request) {
        String first = request.path().replaceAll("^/+", "").split("/", 2)[0];
        return "_sim".equals(first) || "buyer".equals(first);
    }

    /**
     * The query protocol (STS AssumeRole, GetCallerIdentity): {@code /} without {@code X-Amz-Target}, as a GET
     * or a form POST. It issues credentials, and a rebinding page is same-origin with the name it rebinds, so
     * it may send a plain GET, or any header, Authorization included: the Host check applies to all of it.
     */
    private static boolean queryProtocol(SimRequest request) {
        return request.path().replaceAll("^/+", "").isEmpty()
                && request.amzTarget().isEmpty();
    }

    private static boolean changesState(SimRequest request) {
        return !"GET".equals(request.method()) && !"HEAD".equals(request.method());
    }

    /**
     * Host is checked on every request to the local pages, reads included (GET /_sim/agreements shows
     * registration tokens), on every STS request, signed or not, GET or POST, and on any request a browser
     * sent (it carries an Origin: SDKs never do), so a rebinding page can neither read the control API nor ask
     * STS for credentials. Origin is checked on changes.
     */
    private Optional<String> problem(SimRequest request) {
        boolean fromBrowser = request.header("origin").isPresent();
        if (!localPages(request) && !queryProtocol(request) && !fromBrowser) {
            return Optional.empty();
        }
        String host = request.header("host").orElse("").trim();
        if (loopbackOnly && !isLoopbackHost(host)) {
            return Optional.of("the simulator listens on loopback and accepts changes only for Host localhost,"
                    + " 127.x.x.x or [::1]; got Host '" + host + "' (a page of another site, e.g. DNS rebinding)");
        }
        Optional<String> origin = request.header("origin");
        if (changesState(request) && origin.isPresent() && !origin.get().trim().equalsIgnoreCase("http://" + host)) {
            return Optional.of("changes are accepted only from the simulator's own pages; Origin '" + origin.get()
                    + "' is not http://" + host);
        }
        return Optional.empty();
    }

    /** Whether a Host header ({@code name[:port]}) names this machine's loopback interface. */
    static boolean isLoopbackHost(String hostHeader) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        String port = "";
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            port = host.substring(close + 1);
            host = host.substring(0, close + 1);
        } else if (host.indexOf(':') >= 0) {
            port = host.substring(host.indexOf(':'));
            host = host.substring(0, host.indexOf(':'));
        }
        boolean validPort = port.isEmpty()
                || (port.startsWith(":") && PORT.matcher(port.substring(1)).matches());
        boolean loopbackName = host.equals("localhost")
                || LOOPBACK_IPV4.matcher(host).matches()
                || host.equals("[::1]")
                || host.equals("[0:0:0:0:0:0:0:1]");
        return validPort && loopbackName;
    }

    private static SimResponse respond(SimRequest request, String reason) {
        if (request.path().replaceAll("^/+", "").startsWith("buyer")) {
            return SimResponse.html(
                            403,
                            "<!doctype html><title>Refused</title><h1>403 Refused</h1><p>" + escapeHtml(reason)
                                    + "</p>")
                    .withHeader("Cache-Control", "no-store");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("error", reason);
        return SimResponse.of(403, "application/json", JSON.writeValueAsBytes(body))
                .withHeader("Cache-Control", "no-store");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
