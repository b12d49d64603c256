package io.contactimport.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP link to a server that answers at a limited rate, so a test can crash the server while a client is in the
 * middle of reading from it (a 10 MB object takes seconds, not milliseconds, on loopback). When the server goes
 * away, so do the client's connections, as on a real network.
 */
public final class SlowLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final long bytesPerSecond;

    private SlowLink(int targetPort, long bytesPerSecond) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        Thread accepting = new Thread(this::accept, "slow-link-" + targetPort);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** A link to 127.0.0.1:{@code targetPort} whose answers come at {@code bytesPerSecond}. */
    public static SlowLink to(int targetPort, long bytesPerSecond) throws IOException {
        return new SlowLink(targetPort, bytesPerSecond);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    client.close();
                    continue;
                }
                pump(client.getInputStream(), server.getOutputStream(), Long.MAX_VALUE, client, server);
                pump(server.getInputStream(), client.getOutputStream(), bytesPerSecond, client, server);
            } catch (IOException e) {
                // the listener was closed
            }
        }
    }

    private static void pump(InputStream from, OutputStream to, long bytesPerSecond, Socket a, Socket b) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(1, bytesPerSecond / 20))];
            try {
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, read);
                    to.flush();
                    if (bytesPerSecond != Long.MAX_VALUE) {
                        Thread.sleep(read * 1000L / bytesPerSecond);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "slow-link-pump");
        pumping.setDaemon(true);
        pumping.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
