package io.jtorch.vision.transforms;

/**
 * Runs code with uint8 images resized on torchvision 0.14's float tensor path (the system
 * property {@code jtorch.vision.floatResize}), for the tests that compare against that
 * torchvision's tensor fixtures; libtorch's uint8 kernel, the default on AVX2 CPUs, is checked
 * against PIL in {@link FunctionalTest}.
 */
public final class FloatResize {
    /** The system property that selects the float path. */
    public static final String PROPERTY = RawOps.FLOAT_RESIZE;

    private FloatResize() {}

    /** Runs {@code r} on the float path, putting the property back afterwards. */
    public static void run(Runnable r) {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, "true");
        try {
            r.run();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    /** {@return whether uint8 images are resized by libtorch's uint8 kernel by default here} */
    public static boolean nativeByDefault() {
        return RawOps.nativeUint8Resize();
    }
}
