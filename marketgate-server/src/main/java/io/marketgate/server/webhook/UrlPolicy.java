package io.marketgate.server.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs Marketgate may call: https (http only where allowed), and never an address inside the
 * network it runs in — loopback, link-local (cloud metadata), private, carrier-grade NAT, multicast or
 * unspecified — unless explicitly allowed. Checked when an endpoint is saved, and again on every connection
 * by the resolver the HTTP client uses ({@link #checkAddress}), so DNS changes cannot get around it; the
 * client follows no redirects.
 */
final class UrlPolicy {

    static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivateAddresses;
    private final boolean allowLoopback;
    private final boolean allowHttp;

    /**
     * @param allowPrivateAddresses every internal address allowed (an explicit setting)
     * @param allowLoopback loopback allowed (the demo, whose receivers run on the same machine)
     */
    UrlPolicy(boolean allowPrivateAddresses, boolean allowLoopback, boolean allowHttp) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowLoopback = allowLoopback;
        this.allowHttp = allowHttp;
    }

    /** Why {@code url} may not be used, or empty if it may. Resolves the host. */
    Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must be an absolute https URL");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must use https or http" : "must use https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must name a host, without user info or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = checkAddress(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** Why a connection to {@code address} is refused, or empty if it is allowed. */
    Optional<String> checkAddress(InetAddress address) {
        if (allowPrivateAddresses || !isInternal(address) || (allowLoopback && address.isLoopbackAddress())) {
            return Optional.empty();
        }
        return Optional.of("resolves to " + address.getHostAddress()
                + ", a loopback, link-local, private or otherwise internal address (not allowed)");
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            if (isMappedIpv4(b)) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
