package io.jtorch.vision.transforms;

/**
 * How resizing and rotation compute new pixels. Mirrors {@code torchvision.transforms.InterpolationMode}
 * (the modes that tensor transforms support).
 */
public enum InterpolationMode {
    /** The nearest input pixel; mirrors {@code InterpolationMode.NEAREST}. */
    NEAREST("nearest"),
    /** Linear in each direction; mirrors {@code InterpolationMode.BILINEAR}, the default. */
    BILINEAR("bilinear"),
    /** Cubic in each direction (a = -0.75, as PyTorch's interpolate); mirrors {@code InterpolationMode.BICUBIC}. */
    BICUBIC("bicubic");

    private final String value;

    InterpolationMode(String value) {
        this.value = value;
    }

    /**
     * {@return the mode's name as torchvision spells it ({@code InterpolationMode.BILINEAR.value}):
     * "bilinear"}
     */
    public String value() {
        return value;
    }

    /** As Python prints it: {@code InterpolationMode.BILINEAR}. */
    @Override
    public String toString() {
        return "InterpolationMode." + name();
    }
}
