package org.secheaders.enforcement.collector;

/**
 * A record with its place in the write-ahead log: it occupies {@code [position, end)}. Positions are
 * byte offsets in the whole log (across segment files) and grow forever; {@code end} is the next
 * record's position, and a checkpoint at {@code end} means this record and all before it are stored.
 */
record LoggedRecord(long position, long end, WalRecord record) {
    LoggedRecord {
        if (position < 0 || end <= position) {
            throw new IllegalArgumentException("bad log range [" + position + ", " + end + ")");
        }
    }
}
