package org.yizhan.launcher.qr;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code zbarimg} (apt {@code zbar-tools}), the peer decoder the kiosk's is compared with. One process reads
 * many PNG files; its XML output names the file each code came from, which {@code --raw} output does not,
 * so a frame without a code cannot shift the results of the next. Only QR codes are enabled.
 */
final class ZbarImg {

    /** What one run read: decoded text by file, and the wall time of the whole process. */
    record Run(Map<Path, String> texts, long nanos) {
    }

    private final Path executable;
    private final boolean knowsNoDbus;
    private final String version;

    private ZbarImg(Path executable, boolean knowsNoDbus, String version) {
        this.executable = executable;
        this.knowsNoDbus = knowsNoDbus;
        this.version = version;
    }

    /** {@code zbarimg} at {@code location}, or looked up on PATH when it is a bare name; empty when absent. */
    static Optional<ZbarImg> find(String location) {
        Optional<Path> found = location.contains(File.separator)
                ? Optional.of(Path.of(location)).filter(Files::isExecutable)
                : onPath(location);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            String help = output(List.of(found.get().toString(), "--help"));
            String version = output(List.of(found.get().toString(), "--version")).strip();
            return Optional.of(new ZbarImg(found.get(), help.contains("--nodbus"), version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String describe() {
        return executable + " " + version;
    }

    Run decode(List<Path> files) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if (knowsNoDbus) {
            // Without it, zbarimg looks for the system D-Bus on every run and complains when there is none.
            command.add("--nodbus");
        }
        command.addAll(List.of("--xml", "-q", "-Sdisable", "-Sqrcode.enable"));
        files.forEach(f -> command.add(f.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] xml = process.getInputStream().readAllBytes();
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while zbarimg ran", e);
        }
        long nanos = System.nanoTime() - start;
        // 4 means some file held no code, which is the point of the exercise.
        if (status != 0 && status != 4) {
            throw new IOException("zbarimg exited with status " + status);
        }
        return new Run(parse(xml), nanos);
    }

    static Map<Path, String> parse(byte[] xml) throws IOException {
        Map<Path, String> texts = new HashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            NodeList sources = document.getElementsByTagName("source");
            for (int i = 0; i < sources.getLength(); i++) {
                Element source = (Element) sources.item(i);
                NodeList data = source.getElementsByTagName("data");
                if (data.getLength() > 0) {
                    texts.put(Path.of(source.getAttribute("href")), data.item(0).getTextContent());
                }
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("zbarimg wrote XML that does not parse: " + e.getMessage(), e);
        }
        return texts;
    }

    private static String output(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text;
    }
}
