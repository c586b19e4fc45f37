package io.jtorch.vision.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The classes and image files under an {@link ImageFolder} root, listed in torchvision's order
 * without opening a single file: class folders sorted by name, then within each class the files
 * of each folder below it (folders in path order, files in name order), as
 * {@code torchvision.datasets.folder.make_dataset} lists them.
 *
 * <p>Built for folders of millions of files: a name with an image extension is taken to be a
 * file without asking the file system (only other names are checked for being folders, which
 * is what makes listing a million files take a second instead of several), and the names are
 * kept packed ({@link FileNames}). A folder named like an image ({@code x.png/}) is therefore
 * listed as an image, and fails with a clear error when it is read.
 *
 * @param classes the class folders' names, sorted
 * @param files the image files, as paths relative to the root with {@code /} between names
 * @param labels each file's class index
 * @param skipped files that are not images with a supported extension (in a class folder or
 *     directly under the root)
 */
record FolderListing(List<String> classes, FileNames files, long[] labels, List<Path> skipped) {
    /** The extensions read as images, those of torchvision's {@code IMG_EXTENSIONS} that {@code javax.imageio} decodes. */
    static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff");

    /** Lists {@code root}; names starting with a dot (hidden files and folders) are ignored. */
    static FolderListing of(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("ImageFolder: no such folder: " + root);
        }
        List<String> classes = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (String name : list(root)) {
            Path p = root.resolve(name);
            if (Files.isDirectory(p)) {
                classes.add(name);
            } else {
                skipped.add(p);
            }
        }
        Collections.sort(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("ImageFolder: " + root + " has " + (classes.isEmpty() ? "no class folders"
                    : "only one class folder (" + classes.get(0) + ")") + "; a classifier needs at least two, one subfolder per class");
        }
        FileNames.Builder files = new FileNames.Builder();
        long[] counts = new long[classes.size()];
        List<String> empty = new ArrayList<>();
        Set<Path> visited = new HashSet<>();
        for (int c = 0; c < classes.size(); c++) {
            counts[c] = addClass(root.resolve(classes.get(c)), classes.get(c), files, skipped, visited);
            if (counts[c] == 0) {
                empty.add(classes.get(c));
            }
        }
        if (!empty.isEmpty()) {
            throw new IllegalArgumentException("ImageFolder: found no image files for the classes " + String.join(", ", empty)
                    + " in " + root + "; supported extensions are " + String.join(", ", EXTENSIONS));
        }
        FileNames names = files.build();
        long[] labels = new long[names.size()];
        for (int c = 0, at = 0; c < counts.length; c++) {
            java.util.Arrays.fill(labels, at, at + (int) counts[c], c);
            at += (int) counts[c];
        }
        return new FolderListing(classes, names, labels, List.copyOf(skipped));
    }

    /**
     * Adds the image files under {@code dir} (named {@code rel} from the root) to {@code files}:
     * first the folders below it are found, then each folder's images are listed, in path order,
     * packed and sorted by name, one folder at a time.
     */
    private static long addClass(Path dir, String rel, FileNames.Builder files, List<Path> skipped, Set<Path> visited) {
        TreeMap<String, Path> folders = new TreeMap<>();
        findFolders(dir, rel, folders, skipped, visited);
        long count = 0;
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            PackedNames images = new PackedNames();
            forEachName(folder.getValue(), name -> {
                if (isImage(name)) {
                    images.add(name);
                }
            });
            files.add(folder.getKey(), images);
            count += images.size();
        }
        return count;
    }

    /** Collects {@code dir} and the folders below it; non-image files that are not folders are skipped. */
    private static void findFolders(Path dir, String rel, Map<String, Path> folders, List<Path> skipped, Set<Path> visited) {
        try {
            if (!visited.add(dir.toRealPath())) {
                return;  // a symbolic link back to a folder already listed
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ImageFolder: cannot read folder " + dir + ": " + e.getMessage(), e);
        }
        folders.put(rel, dir);
        List<String> below = new ArrayList<>();
        forEachName(dir, name -> {
            if (isImage(name)) {
                return; // taken to be a file without asking the file system
            }
            Path p = dir.resolve(name);
            if (Files.isDirectory(p)) {
                below.add(name);
            } else {
                skipped.add(p); // another file, a named pipe, a device, a broken link
            }
        });
        for (String name : below) {
            findFolders(dir.resolve(name), rel + "/" + name, folders, skipped, visited);
        }
    }

    /** Passes each name in {@code dir} that does not start with a dot to {@code action}, as the folder is read. */
    private static void forEachName(Path dir, java.util.function.Consumer<String> action) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) {
                    action.accept(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ImageFolder: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The names in {@code dir} that do not start with a dot, read with a {@link DirectoryStream}. */
    private static List<String> list(Path dir) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ImageFolder: cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean isImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }
}
