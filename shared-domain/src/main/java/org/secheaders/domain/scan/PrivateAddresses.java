package org.secheaders.domain.scan;

/**
 * Whether a scanner that fetches URLs users name may reach addresses off the public internet
 * ({@code compliance.scanner.private.addresses}). Refusing them is what keeps the scanner from being
 * a server-side request forgery tool (docs/SCANNING.md, "Safety").
 */
public enum PrivateAddresses {
    /** Public addresses only: loopback, private, link-local and reserved targets are refused. */
    DENY,
    /** Every address, for operators who scan their own intranet or local applications. */
    ALLOW;

    public TargetPolicy targetPolicy() {
        return this == ALLOW ? TargetPolicy.anyAddress() : TargetPolicy.publicAddressesOnly();
    }
}
