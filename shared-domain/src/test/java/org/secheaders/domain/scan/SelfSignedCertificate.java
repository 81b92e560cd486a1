package org.secheaders.domain.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A key pair and self-signed certificate for 127.0.0.1, made by the JDK's keytool for one test run. */
record SelfSignedCertificate(Path keyStore, String password) {
    private static final String ALIAS = "site";

    /** One certificate per name; the keytool runs overlap, since each is a JVM start. */
    static List<SelfSignedCertificate> create(Path directory, String... names) throws IOException, InterruptedException {
        List<Process> runs = new ArrayList<>();
        List<SelfSignedCertificate> certificates = new ArrayList<>();
        for (String name : names) {
            SelfSignedCertificate certificate = new SelfSignedCertificate(directory.resolve(name + ".p12"), "test-" + name);
            runs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-J-XX:TieredStopAtLevel=1", "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=127.0.0.1, O=" + name, "-ext", "SAN=ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", certificate.keyStore().toString(),
                    "-storepass", certificate.password())
                    .redirectErrorStream(true).start());
            certificates.add(certificate);
        }
        for (Process keytool : runs) {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        }
        return certificates;
    }

    /** A client context that trusts this certificate and nothing else. */
    SSLContext trustingContext() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
