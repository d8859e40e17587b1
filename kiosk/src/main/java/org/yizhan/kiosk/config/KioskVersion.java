package org.yizhan.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the running kiosk, as its maintenance screen, birth message and diagnostics name it. */
public final class KioskVersion {

    /** Maven writes this into every module jar; classes run from an IDE or target/classes have none. */
    private static final String POM_PROPERTIES = "/META-INF/maven/org.yizhan/yizhan-kiosk/pom.properties";

    private KioskVersion() {
    }

    /**
     * The version of the running kiosk jar: from its manifest when the jar carries one, else from the Maven
     * descriptor inside it; {@code null} when run from classes.
     */
    public static String installed() {
        String fromManifest = KioskVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = KioskVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            // The version is a courtesy; a jar that cannot be read says so elsewhere.
            return null;
        }
    }
}
