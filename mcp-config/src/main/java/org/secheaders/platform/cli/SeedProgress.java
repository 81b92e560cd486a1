package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.secheaders.domain.demo.ProgressListener;
import org.secheaders.domain.demo.SeedPhase;

/**
 * Seeding progress on stderr: a bar redrawn in place for a person at a terminal, otherwise a line at
 * each quarter of a phase, so logs of scripted runs stay short and free of carriage returns.
 */
final class SeedProgress implements ProgressListener {

    private static final int BAR_WIDTH = 30;
    private static final int QUARTERS = 4;

    private final PrintWriter err;
    private final boolean interactive;
    private SeedPhase phase;
    private long shown = -1;

    SeedProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public void onProgress(SeedPhase current, long done, long total) {
        if (current != phase) {
            phase = current;
            shown = -1;
        }
        long step = interactive ? percent(done, total) : quarter(done, total);
        if (step == shown) {
            return;
        }
        shown = step;
        String label = String.format(Locale.ROOT, "  %-10s", current.name().toLowerCase(Locale.ROOT));
        String count = String.format(Locale.ROOT, "%,d/%,d", done, total);
        if (interactive) {
            int filled = (int) (BAR_WIDTH * percent(done, total) / 100);
            err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", percent(done, total)) + "  " + count);
            if (done >= total) {
                err.println();
            }
        } else if (step > 0) {
            err.println(label + " " + count);
        }
        err.flush();
    }

    private static long percent(long done, long total) {
        return total == 0 ? 100 : Math.min(100, done * 100 / total);
    }

    private static long quarter(long done, long total) {
        return total == 0 ? QUARTERS : Math.min(QUARTERS, done * QUARTERS / total);
    }
}
