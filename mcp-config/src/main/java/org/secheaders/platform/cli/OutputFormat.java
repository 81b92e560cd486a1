package org.secheaders.platform.cli;

/** How a command prints its result. */
enum OutputFormat {
    /** Aligned tables and sentences, for people. */
    TEXT,
    /** One JSON document on stdout, for scripts; progress and hints stay on stderr. */
    JSON
}
