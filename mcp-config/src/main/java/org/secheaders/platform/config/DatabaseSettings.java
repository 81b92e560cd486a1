package org.secheaders.platform.config;

/**
 * Where the shared database is and how a server treats it; {@link #toString()} never shows the password.
 *
 * @param migrateOnStart whether a server applies pending migrations before it serves
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, boolean migrateOnStart) {

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", poolSize=" + poolSize + ", migrateOnStart=" + migrateOnStart + "]";
    }
}
