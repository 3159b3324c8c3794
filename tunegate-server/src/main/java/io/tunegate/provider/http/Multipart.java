package io.tunegate.provider.http;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A {@code multipart/form-data} body whose file parts stream from disk, with a known length. */
public final class Multipart {

    private final String boundary = "tunegate-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    public Multipart field(String name, String value) {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        return this;
    }

    public Multipart file(String name, String filename, String contentType, Path file) {
        try {
            return file(name, filename, contentType, BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("No file at " + file, e);
        }
    }

    /** A file part from any publisher (a slice of a file, for multi-part uploads); give it a known length. */
    public Multipart file(String name, String filename, String contentType, BodyPublisher content) {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename.replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
        parts.add(content);
        parts.add(text("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private static BodyPublisher text(String value) {
        return BodyPublishers.ofString(value, StandardCharsets.UTF_8);
    }
}
