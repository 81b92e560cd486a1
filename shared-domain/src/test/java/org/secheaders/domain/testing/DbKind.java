package org.secheaders.domain.testing;

/** The databases every repository test runs on; use with {@code @EnumSource(DbKind.class)}. */
public enum DbKind {
    H2, POSTGRESQL, MARIADB
}
