package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void aLibraryThatFailedToLoadIsOneLineOfInputError() {
        // What a -Pgpu build shows on a machine without the CUDA libraries: libtorch's loading
        // fails inside a class's static initialiser.
        Throwable e = new ExceptionInInitializerError(new IllegalStateException("the CUDA build of libtorch (mvn -Pgpu) needs CUDA 13 "
                + "libraries this machine lacks: libcudart.so.13"));
        assertEquals("the CUDA build of libtorch (mvn -Pgpu) needs CUDA 13 libraries this machine lacks: libcudart.so.13", Main.describe(e));
    }

    @Test
    void aBugIsNotDescribedAsInputError() {
        assertNull(Main.describe(new NullPointerException()));
        assertEquals("NullPointerException: boom", Main.describeOrClass(new NullPointerException("boom")));
    }
}
