package io.jtorch;

import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The element type of a tensor. Mirrors {@code torch.dtype} ({@code torch.float32}, {@code torch.int64}, ...).
 */
public enum DType {
    FLOAT32("float32", ScalarType.Float, 4, true),
    FLOAT64("float64", ScalarType.Double, 8, true),
    FLOAT16("float16", ScalarType.Half, 2, true),
    BFLOAT16("bfloat16", ScalarType.BFloat16, 2, true),
    INT64("int64", ScalarType.Long, 8, false),
    INT32("int32", ScalarType.Int, 4, false),
    INT16("int16", ScalarType.Short, 2, false),
    INT8("int8", ScalarType.Char, 1, false),
    UINT8("uint8", ScalarType.Byte, 1, false),
    BOOL("bool", ScalarType.Bool, 1, false);

    private final String pythonName;
    private final ScalarType scalarType;
    private final int elementSize;
    private final boolean floatingPoint;

    DType(String pythonName, ScalarType scalarType, int elementSize, boolean floatingPoint) {
        this.pythonName = pythonName;
        this.scalarType = scalarType;
        this.elementSize = elementSize;
        this.floatingPoint = floatingPoint;
    }

    /** PyTorch's spelling without the {@code torch.} prefix, e.g. {@code float32}. */
    public String pythonName() {
        return pythonName;
    }

    /** Bytes per element. */
    public int elementSize() {
        return elementSize;
    }

    /** Whether this is a floating-point type (mirrors {@code dtype.is_floating_point}). */
    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** The presets' scalar type, for code that calls the presets directly. */
    public ScalarType scalarType() {
        return scalarType;
    }

    /** The {@code DType} for a presets scalar type. */
    public static DType of(ScalarType type) {
        // The presets return enum objects made in native code: compare values, not identity.
        for (DType d : values()) {
            if (d.scalarType.value == type.value) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported dtype: " + type);
    }

    /** The {@code DType} for PyTorch's name of it ({@code float32}, {@code torch.int64}, {@code float}, {@code long}, ...). */
    public static DType fromPythonName(String name) {
        String n = name.startsWith("torch.") ? name.substring(6) : name;
        switch (n) {
            case "float": return FLOAT32;
            case "double": return FLOAT64;
            case "half": return FLOAT16;
            case "long": return INT64;
            case "int": return INT32;
            case "short": return INT16;
            default: break;
        }
        for (DType d : values()) {
            if (d.pythonName.equals(n)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dtype: " + name);
    }

    @Override
    public String toString() {
        return "torch." + pythonName;
    }
}
