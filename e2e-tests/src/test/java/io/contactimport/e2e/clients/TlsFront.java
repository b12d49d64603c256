package io.contactimport.e2e.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS on 127.0.0.1:443 in front of the gateway, with a self-signed certificate for {@code api.resend.com}: the Java
 * SDK's base URL is a constant, so it reaches this system only through a hosts file and this front. Bytes are piped
 * as they are; the gateway sees the SDK's requests unchanged.
 */
final class TlsFront implements AutoCloseable {

    static final String PASSWORD = "changeit";

    private final ServerSocket server;
    private final Path trustStore;

    private TlsFront(ServerSocket server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    static TlsFront start(Path dir, int gatewayPort) throws Exception {
        Path keyStore = dir.resolve("api.resend.com.p12");
        Path certificate = dir.resolve("api.resend.com.cer");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=api.resend.com", "-ext", "SAN=dns:api.resend.com", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "api", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "api", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        ServerSocket server = tls.getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 443));
        TlsFront front = new TlsFront(server, trustStore);
        daemon(() -> front.accept(gatewayPort));
        return front;
    }

    Path trustStore() {
        return trustStore;
    }

    private void accept(int gatewayPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket gateway = new Socket(InetAddress.getLoopbackAddress(), gatewayPort);
                pipe(client, gateway);
                pipe(gateway, client);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    e.printStackTrace();
                }
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        daemon(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // one side hung up; the other pipe closes the rest
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tls-front");
        thread.setDaemon(true);
        thread.start();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
