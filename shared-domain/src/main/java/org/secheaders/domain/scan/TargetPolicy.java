package org.secheaders.domain.scan;

import static org.secheaders.domain.scan.NotEvaluatedReason.FORBIDDEN_TARGET;
import static org.secheaders.domain.scan.NotEvaluatedReason.INVALID_REDIRECT;
import static org.secheaders.domain.scan.NotEvaluatedReason.INVALID_URL;
import static org.secheaders.domain.scan.NotEvaluatedReason.UNREACHABLE;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs the scanner may request. Fixed rules: {@code http} or {@code https}, a host, no user
 * info (credentials would end up in stored evidence, and {@code https://bank@evil/} misleads
 * readers). Configurable: the {@link AddressClass}es a host may resolve to.
 *
 * <p>A scanner that fetches URLs users type is a server-side request forgery tool unless it is
 * kept off internal networks. {@link #anyAddress()} (the default, so local development servers
 * and the tests on 127.0.0.1 can be scanned) allows everything; a deployment that scans for
 * tenants on shared infrastructure should use {@link #publicAddressesOnly()}. The rule is
 * applied to every URL requested: the one given, each redirect target and each probe. It checks
 * every address the host resolves to, and the JDK caches that answer (30 s by default) for the
 * connection that follows, but a resolver can still answer differently between the check and the
 * connection, so an egress firewall remains the real boundary. See {@code docs/SCANNING.md}.
 */
public record TargetPolicy(Set<AddressClass> allowedAddresses) {
    private static final int MAX_URL_LENGTH = 2048;

    public TargetPolicy {
        if (allowedAddresses.isEmpty()) {
            throw new IllegalArgumentException("a target policy must allow at least one address class");
        }
        allowedAddresses = Set.copyOf(allowedAddresses);
    }

    public static TargetPolicy anyAddress() {
        return new TargetPolicy(EnumSet.allOf(AddressClass.class));
    }

    public static TargetPolicy publicAddressesOnly() {
        return new TargetPolicy(EnumSet.of(AddressClass.PUBLIC));
    }

    /** The URL the user gave, trimmed and without its fragment, or why it cannot be scanned. */
    URI admit(String url) throws ScanAbort {
        String text = url.strip();
        if (text.isEmpty()) {
            throw new ScanAbort(INVALID_URL, "no URL given");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw new ScanAbort(INVALID_URL, "URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            return admitted(new URI(text), INVALID_URL, "'" + text + "'");
        } catch (URISyntaxException e) {
            throw new ScanAbort(INVALID_URL, "'" + text + "' is not a valid URL: " + e.getMessage());
        }
    }

    /** Where a redirect from {@code from} leads, or why it cannot be followed. */
    URI admitRedirect(URI from, String location) throws ScanAbort {
        String what = "redirect from " + from + " to '" + location + "'";
        try {
            return admitted(from.resolve(new URI(location.strip())), INVALID_REDIRECT, what);
        } catch (URISyntaxException e) {
            throw new ScanAbort(INVALID_REDIRECT, what + ": Location is not a valid URL: " + e.getMessage());
        }
    }

    private URI admitted(URI uri, NotEvaluatedReason invalid, String what) throws ScanAbort {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ScanAbort(invalid, what + ": only http:// and https:// URLs can be scanned");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ScanAbort(invalid, what + ": URLs with user info (credentials) are not scanned");
        }
        if (uri.getHost() == null) {
            throw new ScanAbort(invalid, what + ": no valid host name");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new ScanAbort(invalid, what + ": port " + uri.getPort() + " is out of range");
        }
        checkAddresses(uri.getHost(), what);
        return normalized(uri, scheme);
    }

    private void checkAddresses(String host, String what) throws ScanAbort {
        if (allowedAddresses.size() == AddressClass.values().length) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new ScanAbort(UNREACHABLE, what + ": host " + host + " not found");
        }
        for (InetAddress address : addresses) {
            AddressClass addressClass = AddressClass.of(address);
            if (!allowedAddresses.contains(addressClass)) {
                // The class, not the address: the message must not map internal names for a caller.
                throw new ScanAbort(FORBIDDEN_TARGET, what + ": host resolves to a "
                        + addressClass.name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + " address, which this deployment does not scan");
            }
        }
    }

    /** Scheme in lower case, {@code /} for an empty path, no fragment (it is never sent). */
    private static URI normalized(URI uri, String scheme) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + uri.getHost() + port + path + query);
    }
}
