package io.jtorch.internal;

/**
 * Prints around and inside {@link NativeStdout#withoutLines}, from this thread and another, for
 * {@link NativeStdoutTest} (which reads this JVM's standard output from a file).
 */
public final class NativeStdoutProbe {
    private NativeStdoutProbe() {}

    public static void main(String[] args) throws Exception {
        System.out.println("before");
        String result = NativeStdout.withoutLines("[drop] ", () -> {
            System.out.println("keep 1");
            System.out.println("[drop] this line");
            Thread other = new Thread(() -> System.out.println("from another thread"));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.println("[drop]no space: kept");
            System.out.print("partial");
            return "result";
        });
        System.out.println(" line");
        System.out.println(result);
        try {
            NativeStdout.withoutLines("[drop] ", () -> {
                System.out.println("[drop] before a failure");
                throw new IllegalStateException("failed inside");
            });
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage());
        }
        System.out.println("after");
    }
}
