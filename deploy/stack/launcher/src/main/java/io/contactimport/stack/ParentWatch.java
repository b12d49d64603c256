package io.contactimport.stack;

import java.io.IOException;
import java.io.InputStream;

/**
 * A Java agent given to every process the launcher starts: it reads the process's standard input, which is a
 * pipe from the launcher, and exits the JVM (running its shutdown hooks) when that pipe closes. So killing the
 * launcher, even with SIGKILL, stops everything it started instead of leaving orphans.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void premain(String args) {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // The launcher never writes; anything read is ignored.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of input.
            }
            System.err.println("[parent-watch] launcher is gone, shutting down");
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
