package org.secheaders.platform.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * The stdio server's input, signalling when it ends. The SDK's stdio transport reads on its own
 * thread and offers no "client went away" callback; end of input is that signal. Reads wait until
 * {@link #release()}, so the server can finish starting while the transport is already set up.
 */
final class StdioInput extends FilterInputStream {

    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean abandoned;

    StdioInput(InputStream in) {
        super(in);
    }

    /** Lets reads through. */
    void release() {
        released.countDown();
    }

    /** The server will not start: reads end as if the input had. */
    void abandon() {
        abandoned = true;
        released.countDown();
    }

    @Override
    public int read() throws IOException {
        return signalIfEnded(guard(super::read));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return signalIfEnded(guard(() -> super.read(buffer, offset, length)));
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @FunctionalInterface
    private interface Read {
        int run() throws IOException;
    }

    /** A failed read ends the input just like end of stream. */
    private int guard(Read read) throws IOException {
        try {
            released.await();
            return abandoned ? -1 : read.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended.countDown();
            throw new InterruptedIOException("interrupted while the server was starting");
        } catch (IOException e) {
            ended.countDown();
            throw e;
        }
    }

    private int signalIfEnded(int result) {
        if (result < 0) {
            ended.countDown();
        }
        return result;
    }
}
