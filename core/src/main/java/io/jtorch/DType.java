package io.jtorch;

import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The element type of a tensor. Mirrors {@code torch.dtype} ({@code torch.float32}, {@code torch.int64}, ...).
 */
public enum DType {
    /** 32-bit floating point, {@code torch.float32} ({@code torch.float}): PyTorch's default. */
    FLOAT32("float32", ScalarType.Float, 4, true),
    /** 64-bit floating point, {@code torch.float64} ({@code torch.double}). */
    FLOAT64("float64", ScalarType.Double, 8, true),
    /** 16-bit floating point, {@code torch.float16} ({@code torch.half}). */
    FLOAT16("float16", ScalarType.Half, 2, true),
    /** 16-bit brain floating point, {@code torch.bfloat16}: float32's range with a 7-bit mantissa. */
    BFLOAT16("bfloat16", ScalarType.BFloat16, 2, true),
    /** 64-bit signed integer, {@code torch.int64} ({@code torch.long}): indices and class labels. */
    INT64("int64", ScalarType.Long, 8, false),
    /** 32-bit signed integer, {@code torch.int32} ({@code torch.int}). */
    INT32("int32", ScalarType.Int, 4, false),
    /** 16-bit signed integer, {@code torch.int16} ({@code torch.short}). */
    INT16("int16", ScalarType.Short, 2, false),
    /** 8-bit signed integer, {@code torch.int8}. */
    INT8("int8", ScalarType.Char, 1, false),
    /** 8-bit unsigned integer, {@code torch.uint8}: decoded image pixels. */
    UINT8("uint8", ScalarType.Byte, 1, false),
    /** Boolean, {@code torch.bool}: comparison results and masks. */
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

    /**
     * PyTorch's spelling without the {@code torch.} prefix, e.g. {@code float32}.
     *
     * @return PyTorch's name without {@code torch.}, such as {@code float32}
     */
    public String pythonName() {
        return pythonName;
    }

    /**
     * Bytes per element.
     *
     * @return the bytes per element
     */
    public int elementSize() {
        return elementSize;
    }

    /** {@return whether this is a floating-point type (mirrors {@code dtype.is_floating_point})} */
    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** {@return the presets' scalar type, for code that calls the presets directly} */
    public ScalarType scalarType() {
        return scalarType;
    }

    /**
     * {@return the {@code DType} for a presets scalar type}
     *
     * @param type the presets' scalar type
     */
    public static DType of(ScalarType type) {
        // The presets return enum objects made in native code: compare values, not identity.
        for (DType d : values()) {
            if (d.scalarType.value == type.value) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported dtype: " + type);
    }

    /**
     * {@return the {@code DType} for PyTorch's name of it ({@code float32}, {@code torch.int64},
     * {@code float}, {@code long}, ...)}
     *
     * @param name PyTorch's name without {@code torch.}: {@code float32}, {@code int64},
     *     {@code bool}, ...
     */
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
