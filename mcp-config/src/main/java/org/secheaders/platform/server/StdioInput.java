package org.secheaders.platform.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The stdio server's input, signalling when it ends. The SDK's stdio transport reads on its own
 * thread and offers no "client went away" callback; end of input is that signal.
 */
final class StdioInput extends FilterInputStream {

    private final CountDownLatch ended = new CountDownLatch(1);

    StdioInput(InputStream in) {
        super(in);
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
            return read.run();
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
