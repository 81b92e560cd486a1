package org.secheaders.domain.demo;

import java.util.List;

/**
 * A browser extension (or a local injector such as antivirus or a corporate proxy) whose injected
 * code trips the page's policy: the steady noise every CSP deployment sees (design notes §2).
 *
 * @param share relative frequency among installs of the same browser family
 */
record Extension(String name, BrowserFamily family, double share, List<ViolationSource> sources) {
    Extension {
        sources = List.copyOf(sources);
    }
}
