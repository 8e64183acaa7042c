public class Victim { public static void main(String[] a) { System.out.println("victim"); } }
