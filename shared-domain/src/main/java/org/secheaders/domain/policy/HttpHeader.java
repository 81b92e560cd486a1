package org.secheaders.domain.policy;

/** One response header line, as rendered for a response. */
public record HttpHeader(String name, String value) {
}
