package io.jtorch.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the extra files of a TorchScript archive ({@code <name>/extra/<file>}, which
 * {@code torch.jit.save(m, f, _extra_files=...)} and {@code ScriptModule.save(path, extraFiles)}
 * write) with a limit on their size that holds while inflating: an entry that declares a small
 * size but inflates to gigabytes is refused as soon as it passes the limit, never read whole.
 * Mirrors the {@code _extra_files} argument of {@code torch.jit.load}.
 */
public final class ExtraFiles {
    /** The default limit on one extra file: 16 MiB, far above the few kilobytes of JSON jtorch itself stores. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private ExtraFiles() {}

    /**
     * {@return the extra file {@code name} of {@code archive} as UTF-8 text, or empty when there
     * is none}
     *
     * @param archive the TorchScript archive
     * @param name the extra file's name, the key of {@code _extra_files}
     * @param maxBytes the most bytes the extra file may inflate to, such as {@link
     *     #DEFAULT_MAX_BYTES}
     * @throws java.nio.file.NoSuchFileException if the archive does not exist
     * @throws IOException if the archive cannot be read
     * @throws SerializationException if the file is not a readable zip archive, or the extra file
     *     declares or inflates to more than {@code maxBytes}
     */
    public static Optional<String> read(Path archive, String name, long maxBytes) throws IOException {
        InputFiles.requireRegularFile(archive);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String n = e.getName();
                int slash = n.indexOf('/');
                if (slash > 0 && n.substring(slash + 1).equals("extra/" + name)) {
                    return Optional.of(new String(readAtMost(zip, e, maxBytes, archive), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        } catch (ZipException e) {
            throw new SerializationException(archive, "is not a readable zip archive (truncated or damaged): " + e.getMessage(), e);
        }
    }

    /** The bytes of {@code entry}, refused as soon as more than {@code maxBytes} have been inflated. */
    static byte[] readAtMost(ZipFile zip, ZipEntry entry, long maxBytes, Path archive) throws IOException {
        long limit = Math.min(maxBytes, Integer.MAX_VALUE - 8);
        if (entry.getSize() > limit) {
            throw new SerializationException(archive, entry.getName() + " declares " + entry.getSize() + " bytes, more than the limit of "
                    + limit + " bytes for an extra file");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes((int) limit);
            if (data.length == limit && in.read() != -1) {
                throw new SerializationException(archive, entry.getName() + " inflates to more than the limit of " + limit
                        + " bytes for an extra file (its declared size is " + entry.getSize() + "); it was not read further");
            }
            return data;
        }
    }
}
