public class Sleeper {
    public static void main(String[] args) throws Exception {
        Thread.sleep(1L << 30);
    }
}
