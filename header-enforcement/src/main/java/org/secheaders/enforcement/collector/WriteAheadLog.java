package org.secheaders.enforcement.collector;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's write-ahead log: accepted request bodies appended as checksummed frames
 * ({@link WalRecord}) to segment files named by the log position they start at
 * ({@code 00000000000000000000.wal}). A position is a byte offset in the whole log; it only grows.
 *
 * <p>An append returns once {@link FileChannel#write} has handed every byte to the kernel. From then
 * on the bytes are in the page cache, which belongs to the kernel, not to the process: they reach the
 * file even if the process is killed with SIGKILL the next instant. Only a kernel crash or power loss
 * can lose them, which {@link SyncMode#FSYNC} covers with a group commit ({@link #awaitDurable}).
 *
 * <p>Opening recovers: it reads every record from the checkpoint on, cuts a torn record off the end
 * of the last segment (a write the process died in, never acknowledged) and deletes the segments that
 * lie wholly before the checkpoint. The directory is locked, so two processes never share a log.
 */
final class WriteAheadLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);
    private static final Pattern SEGMENT_NAME = Pattern.compile("\\d{20}\\.wal");
    private static final String LOCK_FILE = "wal.lock";
    /** Frames are read back with the largest limit any configuration allows. */
    private static final long MAX_FRAME_BYTES = WalRecord.maxFrameBytes(CollectorConfig.MAX_BODY_BYTES);

    private final Path directory;
    private final long segmentBytes;
    private final SyncMode syncMode;
    private final FileChannel lockChannel;
    private final Optional<GroupCommit> groupCommit;
    /** Bases of the segments before the active one, oldest first. Guarded by this. */
    private final TreeSet<Long> closedSegments = new TreeSet<>();
    private long activeBase;
    private FileChannel active;
    private long end;
    private boolean failed;

    /** An opened log and the records it holds from the checkpoint on, oldest first. */
    record Opened(WriteAheadLog log, List<LoggedRecord> unstored) {
        Opened {
            unstored = List.copyOf(unstored);
        }
    }

    private record Scan(long validBytes, boolean complete) {
    }

    private WriteAheadLog(Path directory, long segmentBytes, SyncMode syncMode, FileChannel lockChannel,
                          Duration fsyncInterval) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.syncMode = syncMode;
        this.lockChannel = lockChannel;
        this.groupCommit = syncMode == SyncMode.FSYNC ? Optional.of(new GroupCommit(this, fsyncInterval)) : Optional.empty();
    }

    /**
     * Opens (creating if needed) the log in the configured directory and recovers it.
     *
     * @param checkpoint the position up to which every record is stored
     * @throws IllegalStateException if another process holds the directory
     */
    static Opened open(CollectorConfig config, long checkpoint) throws IOException {
        Path directory = config.walDirectory();
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("write-ahead log " + directory + " is in use by another collector");
        }
        WriteAheadLog log = new WriteAheadLog(directory, config.segmentBytes(), config.syncMode(), lockChannel,
                config.fsyncInterval());
        try {
            List<LoggedRecord> unstored = log.recover(checkpoint);
            log.groupCommit.ifPresent(GroupCommit::start);
            return new Opened(log, unstored);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * Appends one frame ({@link WalRecord#frame()}).
     *
     * @return the frame's position; it ends at the returned position plus the frame's size
     * @throws IOException if the write failed; the log is then cut back to where it was, and if even
     *                     that fails, every later append fails too
     */
    synchronized long append(ByteBuffer frame) throws IOException {
        if (failed) {
            throw new IOException("the write-ahead log failed earlier and accepts no more records");
        }
        int size = frame.remaining();
        if (end > activeBase && end - activeBase + size > segmentBytes) {
            roll();
        }
        long position = end;
        try {
            while (frame.hasRemaining()) {
                active.write(frame);
            }
        } catch (IOException e) {
            try {
                active.truncate(position - activeBase);
                active.position(position - activeBase);
            } catch (IOException cut) {
                failed = true;
                e.addSuppressed(cut);
            }
            throw e;
        }
        end = position + size;
        return position;
    }

    /** In {@link SyncMode#FSYNC} mode, waits until everything before {@code position} is on disk. */
    void awaitDurable(long position) throws IOException, InterruptedException {
        if (groupCommit.isPresent()) {
            groupCommit.get().await(position);
        }
    }

    synchronized long end() {
        return end;
    }

    /** Deletes the segments that lie wholly before {@code checkpoint}; the active one always stays. */
    synchronized void deleteBefore(long checkpoint) {
        while (!closedSegments.isEmpty()) {
            long base = closedSegments.first();
            Long next = closedSegments.higher(base);
            if ((next == null ? activeBase : next) > checkpoint) {
                return;
            }
            try {
                Files.deleteIfExists(segmentPath(base));
            } catch (IOException e) {
                LOG.warn("cannot delete stored log segment {}: {}", segmentPath(base), e.toString());
                return;
            }
            closedSegments.pollFirst();
        }
    }

    /** Segment files on disk, the active one included. */
    synchronized int segmentCount() {
        return closedSegments.size() + 1;
    }

    @Override
    public void close() throws IOException {
        groupCommit.ifPresent(GroupCommit::stop);
        synchronized (this) {
            try {
                if (active != null) {
                    active.close();
                }
            } finally {
                lockChannel.close();
            }
        }
    }

    /** For the group commit: the end of the log and the channel that holds it, read together. */
    synchronized ChannelEnd channelEnd() {
        return new ChannelEnd(active, end);
    }

    record ChannelEnd(FileChannel channel, long end) {
    }

    private List<LoggedRecord> recover(long checkpoint) throws IOException {
        List<Long> bases = segmentBases();
        List<LoggedRecord> unstored = new ArrayList<>();
        if (bases.isEmpty()) {
            startSegment(checkpoint);
            return unstored;
        }
        long start = checkpoint;
        if (bases.get(0) > checkpoint) {
            LOG.error("write-ahead log {} starts at {} but the checkpoint is {}: segment files were removed by "
                    + "hand and the reports in them are lost; replaying from {}", directory, bases.get(0), checkpoint,
                    bases.get(0));
            start = bases.get(0);
        }
        long lastBase = bases.get(bases.size() - 1);
        long lastSize = 0;
        for (int i = 0; i < bases.size(); i++) {
            long base = bases.get(i);
            boolean last = i == bases.size() - 1;
            long next = last ? Long.MAX_VALUE : bases.get(i + 1);
            Scan scan = next <= start ? new Scan(Files.size(segmentPath(base)), true)
                    : scan(base, Math.max(start, base) - base, unstored);
            if (!scan.complete()) {
                if (last) {
                    LOG.warn("write-ahead log {}: cutting an incomplete record off the end at position {} "
                            + "(a write the process died in; it was never acknowledged)", directory, base + scan.validBytes());
                    try (FileChannel channel = FileChannel.open(segmentPath(base), StandardOpenOption.WRITE)) {
                        channel.truncate(scan.validBytes());
                        channel.force(true);
                    }
                } else {
                    LOG.error("write-ahead log {}: corrupt record at position {}; the rest of segment {} is skipped",
                            directory, base + scan.validBytes(), segmentPath(base).getFileName());
                }
            }
            if (last) {
                lastSize = scan.validBytes();
            } else {
                closedSegments.add(base);
            }
        }
        long logEnd = lastBase + lastSize;
        if (logEnd < checkpoint) {
            // Only a lost tail (power loss in PAGE_CACHE mode) makes the log shorter than what is stored.
            LOG.warn("write-ahead log {} ends at {}, before the checkpoint {}: its tail was lost; the stored reports "
                    + "are unaffected and the log continues at the checkpoint", directory, logEnd, checkpoint);
            closedSegments.add(lastBase);
            startSegment(checkpoint);
        } else {
            activeBase = lastBase;
            end = logEnd;
            active = FileChannel.open(segmentPath(lastBase), StandardOpenOption.WRITE);
            active.position(lastSize);
        }
        deleteBefore(checkpoint);
        return unstored;
    }

    /** Reads the records of one segment from {@code offset}, stopping at the first bad frame. */
    private Scan scan(long base, long offset, List<LoggedRecord> out) throws IOException {
        try (FileChannel channel = FileChannel.open(segmentPath(base), StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset > size) {
                return new Scan(size, true);
            }
            channel.position(offset);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            long valid = offset;
            while (valid < size) {
                Optional<Frame> frame = readFrame(in, size - valid);
                if (frame.isEmpty()) {
                    return new Scan(valid, false);
                }
                long frameEnd = valid + WalRecord.FRAME_HEADER_BYTES + frame.get().payloadLength();
                out.add(new LoggedRecord(base + valid, base + frameEnd, frame.get().record()));
                valid = frameEnd;
            }
            return new Scan(valid, true);
        }
    }

    private record Frame(int payloadLength, WalRecord record) {
    }

    /** The next frame, or empty if it is cut short, too long or fails its checksum. */
    private static Optional<Frame> readFrame(DataInputStream in, long available) throws IOException {
        if (available < WalRecord.FRAME_HEADER_BYTES) {
            return Optional.empty();
        }
        int length = in.readInt();
        int checksum = in.readInt();
        if (length <= 0 || length > MAX_FRAME_BYTES || WalRecord.FRAME_HEADER_BYTES + (long) length > available) {
            return Optional.empty();
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            return Optional.empty();
        }
        if (!WalRecord.intact(payload, checksum)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Frame(length, WalRecord.decode(payload)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void roll() throws IOException {
        if (groupCommit.isPresent()) {
            groupCommit.get().forceAndClose(active);
        } else {
            active.close();
        }
        closedSegments.add(activeBase);
        startSegment(end);
    }

    private void startSegment(long base) throws IOException {
        active = FileChannel.open(segmentPath(base), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        activeBase = base;
        end = base;
        if (syncMode == SyncMode.FSYNC) {
            // The new file's directory entry must be on disk too, or a power loss could lose the whole file.
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }

    private List<Long> segmentBases() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> SEGMENT_NAME.matcher(name).matches())
                    .map(name -> Long.parseLong(name.substring(0, 20)))
                    .sorted()
                    .toList();
        }
    }

    private Path segmentPath(long base) {
        return directory.resolve(String.format("%020d.wal", base));
    }

    /** Marks the log failed (an fsync failed: the page cache can no longer be trusted). */
    synchronized void fail() {
        failed = true;
    }
}
