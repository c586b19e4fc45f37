package io.jtorch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The image files named on a command line: files as given, folders replaced by the images below them, sorted. */
final class ImageArguments {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff");

    private ImageArguments() {}

    /**
     * Each argument that is a file, and for each folder the image files below it (by extension,
     * in path order).
     *
     * @throws NoSuchFileException for an argument that does not exist
     * @throws UserError for a folder with no image in it
     */
    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path a : arguments) {
            if (Files.isDirectory(a)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(a)) {
                    found = walk.filter(Files::isRegularFile).filter(ImageArguments::isImage).sorted().toList();
                }
                if (found.isEmpty()) {
                    throw new UserError(a + " is a folder with no image files (" + String.join(", ", EXTENSIONS) + ") in it");
                }
                out.addAll(found);
            } else if (Files.exists(a)) {
                out.add(a);
            } else {
                throw new NoSuchFileException(a.toString());
            }
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
