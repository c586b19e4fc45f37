package io.jtorch.serialization;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's view of the Java values a pickle loads as: type names for messages, and which values may be dict keys. */
final class PyValues {
    private PyValues() {}

    /** Whether {@code o} may be a dict key or set item: a scalar, or a tuple of scalars (so hashing never recurses deeply). */
    static boolean isHashable(Object o) {
        if (isScalar(o)) {
            return true;
        }
        if (o instanceof Tuple) {
            for (Object item : (Tuple) o) {
                if (!isScalar(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isScalar(Object o) {
        return o == null || o instanceof String || o instanceof Long || o instanceof BigInteger || o instanceof Double
                || o instanceof Boolean || o instanceof Enum;
    }

    /** Python's name for the type of a loaded value, e.g. {@code dict} or {@code tensor}. */
    static String typeName(Object o) {
        if (o == null) {
            return "None";
        } else if (o instanceof String) {
            return "str";
        } else if (o instanceof Long || o instanceof BigInteger) {
            return "int";
        } else if (o instanceof Double) {
            return "float";
        } else if (o instanceof Boolean) {
            return "bool";
        } else if (o instanceof byte[]) {
            return "bytes";
        } else if (o instanceof Tuple) {
            return "tuple";
        } else if (o instanceof List) {
            return "list";
        } else if (o instanceof Map) {
            return "dict";
        } else if (o instanceof Set) {
            return "set";
        } else if (o instanceof TensorRef || o instanceof io.jtorch.Tensor) {
            return "tensor";
        } else if (o instanceof StorageRef) {
            return "storage";
        }
        return o instanceof Enum ? o.toString() : o.getClass().getSimpleName();
    }

    /** {@code s} quoted for a one-line message: control characters escaped, at most 80 characters. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.append(s.length() > 80 ? "...'" : "'").toString();
    }
}
