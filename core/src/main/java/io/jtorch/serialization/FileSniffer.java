package io.jtorch.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells weights files apart by their first bytes, so that a file given to the wrong loader gets a message that says what it is. */
final class FileSniffer {
    private static final int HEAD = 16;

    private FileSniffer() {}

    /** Up to the first 16 bytes of {@code file}. */
    static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /** Whether {@code head} starts a zip archive, as {@code torch.save} and {@code torch.jit.save} write. */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K';
    }

    /** Whether {@code head} starts a safetensors file: an 8-byte header size, then a JSON object. */
    static boolean isSafeTensors(byte[] head) {
        return head.length >= 9 && head[8] == '{' && head[6] == 0 && head[7] == 0;
    }

    /** Whether {@code head} starts a bare pickle: {@code torch.save} before PyTorch 1.6 wrote those. */
    static boolean isLegacyPickle(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5;
    }

    /** What a file that is not the {@code expected} kind is, as the end of a sentence starting with the file's name. */
    static String describe(byte[] head, String expected) {
        if (head.length == 0) {
            return "is empty (0 bytes)";
        } else if (isLegacyPickle(head)) {
            return "is in PyTorch's legacy format (torch.save before 1.6, or _use_new_zipfile_serialization=False); "
                    + "load it in Python and save it again with a current torch.save";
        } else if (isSafeTensors(head)) {
            return "is a safetensors file; load it with SafeTensors.load";
        } else if (isZip(head)) {
            return "is a zip archive such as torch.save writes; load it with TorchSerialization.load";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(head.length, 4); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02x", head[i] & 0xff));
        }
        return "is not " + expected + ": it starts with the bytes " + hex;
    }
}
