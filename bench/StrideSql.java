import java.lang.reflect.Field;

/**
 * Prints an SQL statement that Stride's compiled code runs, so that the benchmark measures the
 * database with exactly that statement instead of a copy: {@code java -cp
 * target/classes:jakarta.jakartaee-api.jar bench/StrideSql.java CLASS FIELD}, e.g. {@code
 * dev.stride.sessions.control.GroupCommit INSERT}. Exits non-zero with one line when the class or
 * the field is not there.
 */
public class StrideSql {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: StrideSql CLASS FIELD");
      System.exit(2);
    }
    try {
      Field field = Class.forName(args[0]).getDeclaredField(args[1]);
      field.setAccessible(true);
      System.out.println(field.get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      System.err.println("bench: cannot read " + args[0] + "." + args[1] + ": " + e);
      System.exit(1);
    }
  }
}
