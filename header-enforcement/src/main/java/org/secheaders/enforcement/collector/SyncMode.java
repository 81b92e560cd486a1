package org.secheaders.enforcement.collector;

/** When an accepted report counts as durable, i.e. when the collector answers 204. */
public enum SyncMode {
    /**
     * After the write-ahead log write has returned: the bytes are in the kernel's page cache, which
     * survives the death of the process (even {@code kill -9}) but not a power loss or kernel crash.
     */
    PAGE_CACHE,
    /**
     * After an {@code fsync} covering the record (group commit: one fsync every
     * {@link CollectorConfig#fsyncInterval()} for all requests waiting): survives power loss too,
     * at the cost of that interval plus the disk's flush time per request.
     */
    FSYNC
}
