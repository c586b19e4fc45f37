package io.jtorch.vision.datasets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The relative paths of a dataset's files, packed for datasets of millions of files: every name
 * is stored once as UTF-8 bytes in one shared array, with its folder as an index into a short
 * list, about 24 bytes per file instead of the 70 or more that a {@code String} each would take.
 * Paths are rebuilt as strings when asked for, one at a time.
 */
final class FileNames {
    private final List<String> folders;
    private final int[] folderOf;
    private final byte[] names;
    private final int[] offsets;

    private FileNames(List<String> folders, int[] folderOf, byte[] names, int[] offsets) {
        this.folders = folders;
        this.folderOf = folderOf;
        this.names = names;
        this.offsets = offsets;
    }

    /** The number of files. */
    int size() {
        return folderOf.length;
    }

    /** File {@code i} as {@code folder/name}, with {@code /} between names. */
    String get(int i) {
        return folders.get(folderOf[i]) + "/" + new String(names, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }

    /** The files at {@code indices}, in that order. */
    FileNames select(long[] indices) {
        Builder b = new Builder();
        b.folders.addAll(folders);
        for (long index : indices) {
            int i = Math.toIntExact(index);
            b.append(folderOf[i], names, offsets[i], offsets[i + 1] - offsets[i]);
        }
        return b.build();
    }

    /** Collects folders of names in order. */
    static final class Builder {
        private final List<String> folders = new ArrayList<>();
        private int[] folderOf = new int[1024];
        private byte[] names = new byte[16 * 1024];
        private int[] offsets = new int[1025];
        private int count;

        /** Adds the files {@code names} of {@code folder}, sorted; the builder grows to the exact size needed. */
        void add(String folder, PackedNames names) {
            int id = folders.size();
            folders.add(folder);
            int n = names.size();
            long neededBytes = (long) offsets[count] + names.byteCount();
            if (neededBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("ImageFolder: the file names take more than 2 GB; split the dataset into several folders");
            }
            if (count + n > folderOf.length) {
                folderOf = Arrays.copyOf(folderOf, count + n);
                offsets = Arrays.copyOf(offsets, count + n + 1);
            }
            if (neededBytes > this.names.length) {
                this.names = Arrays.copyOf(this.names, (int) neededBytes);
            }
            int[] order = names.sortedOrder();
            for (int i : order) {
                append(id, names.bytes(), names.start(i), names.length(i));
            }
        }

        /** Adds the files {@code sortedNames} of {@code folder}, in that order. */
        void add(String folder, List<String> sortedNames) {
            int id = folders.size();
            folders.add(folder);
            for (String name : sortedNames) {
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                append(id, bytes, 0, bytes.length);
            }
        }

        private void append(int folder, byte[] source, int from, int length) {
            if (count == folderOf.length) {
                folderOf = Arrays.copyOf(folderOf, grow(folderOf.length));
                offsets = Arrays.copyOf(offsets, folderOf.length + 1);
            }
            int end = offsets[count];
            if ((long) end + length > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("ImageFolder: the file names take more than 2 GB; split the dataset into several folders");
            }
            if (end + length > names.length) {
                names = Arrays.copyOf(names, Math.max(end + length, grow(names.length)));
            }
            System.arraycopy(source, from, names, end, length);
            folderOf[count] = folder;
            offsets[count + 1] = end + length;
            count++;
        }

        private static int grow(int length) {
            return (int) Math.min(Integer.MAX_VALUE - 8, length + (length >> 1) + 16L);
        }

        FileNames build() {
            int end = offsets[count];
            if (count == folderOf.length && end == names.length) { // grown to the exact size: no copy needed
                return new FileNames(List.copyOf(folders), folderOf, names, offsets);
            }
            return new FileNames(List.copyOf(folders), Arrays.copyOf(folderOf, count), Arrays.copyOf(names, end),
                    Arrays.copyOf(offsets, count + 1));
        }
    }
}
