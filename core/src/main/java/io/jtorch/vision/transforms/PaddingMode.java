package io.jtorch.vision.transforms;

/**
 * How {@link Pad} and {@link Functional#pad} fill the border. Mirrors the {@code padding_mode}
 * strings of {@code torchvision.transforms.Pad}.
 */
public enum PaddingMode {
    /** A constant value ({@code fill}); {@code "constant"}, the default. */
    CONSTANT("constant"),
    /** The last value at the edge repeated; {@code "edge"}. */
    EDGE("edge"),
    /** The image mirrored without repeating the edge: [1, 2, 3] padded by 2 gives [3, 2, 1, 2, 3, 2, 1]; {@code "reflect"}. */
    REFLECT("reflect"),
    /** The image mirrored repeating the edge: [1, 2, 3] padded by 2 gives [2, 1, 1, 2, 3, 3, 2]; {@code "symmetric"}. */
    SYMMETRIC("symmetric");

    private final String value;

    PaddingMode(String value) {
        this.value = value;
    }

    /** {@return the mode as torchvision spells it: "constant", "edge", "reflect" or "symmetric"} */
    public String value() {
        return value;
    }
}
