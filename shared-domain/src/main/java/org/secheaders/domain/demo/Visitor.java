package org.secheaders.domain.demo;

import java.util.Optional;

/**
 * One client of a demo site: its network address (documentation ranges only: 192.0.2.0/24,
 * 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32), its browser and the extension it has installed, if any.
 */
record Visitor(String address, Browser browser, Optional<Extension> extension) {
}
