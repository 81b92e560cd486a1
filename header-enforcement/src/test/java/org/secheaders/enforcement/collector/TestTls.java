package org.secheaders.enforcement.collector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A throwaway self-signed certificate for 127.0.0.1, and HTTPS on 127.0.0.1 with it: the Reporting API
 * only sends reports from HTTPS pages to HTTPS endpoints (Chromium runs with --ignore-certificate-errors).
 */
public final class TestTls {
    private TestTls() {
    }

    /** Creates a PKCS#12 key store in {@code dir} with the JDK's keytool. */
    public static Path selfSignedKeyStore(Path dir, String password) throws IOException, InterruptedException {
        Path store = dir.resolve("collector-test.p12");
        Process keytool = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "collector", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-keypass", password)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    /** A Jetty HTTPS connector on 127.0.0.1 (ephemeral port) with {@code plain}'s settings. */
    public static ServerConnector jettyConnector(Server jetty, HttpConfiguration plain, Path pkcs12, String password) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(pkcs12.toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(password);
        HttpConfiguration httpsConfig = new HttpConfiguration(plain);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The throwaway certificate names 127.0.0.1 only as an IP SAN; skip Jetty's SNI host check.
        secure.setSniHostCheck(false);
        httpsConfig.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(jetty,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(httpsConfig));
        connector.setHost("127.0.0.1");
        return connector;
    }

    /** A server-side TLS context with the key store's certificate, for servers other than Jetty. */
    public static SSLContext serverContext(Path pkcs12, String password) throws IOException, GeneralSecurityException {
        KeyStore store = load(pkcs12, password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A client-side TLS context that trusts the key store's certificate only (for the JDK's HTTP client). */
    public static SSLContext clientContext(Path pkcs12, String password) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(pkcs12, password));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path pkcs12, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
