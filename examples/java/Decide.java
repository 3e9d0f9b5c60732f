/* Decides one question against a compiled table through libcovenant, from Java with JNA
 * (Java Native Access). The answer is the line `covenantc eval` would write for the same query.
 *
 *   javac -cp /usr/share/java/jna.jar Decide.java
 *   java -cp /usr/share/java/jna.jar:. -Djna.library.path=/path/to/dir/with/libcovenant.so \
 *       Decide boekel.table.json
 *
 * On Debian, `apt-get install libjna-java` gives /usr/share/java/jna.jar. Mapping note: size_t
 * is mapped as Java long, which is right on 64-bit Linux and macOS (LP64), not on 32-bit targets.
 * examples/java/run compiles, runs and checks this file.
 *
 * SPDX-License-Identifier: EUPL-1.2
 */
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

public class Decide {
    /** The part of covenant.h this example uses. */
    public interface Covenant extends Library {
        int COVENANT_ABI_VERSION = 1;
        int COVENANT_OK = 0;

        int covenant_abi_version();                          // uint32_t (void)
        int covenant_table_open(String path, String language,
                                PointerByReference table,    // covenant_table **
                                PointerByReference error);   // char **
        int covenant_decide_json(Pointer table, byte[] query, long length, // size_t as long
                                 String date, String language,
                                 PointerByReference answer); // char **
        void covenant_free(Pointer pointer);
        void covenant_table_free(Pointer table);
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java Decide TABLE");
            System.exit(2);
        }
        // Strings passed to the library (path, date) are encoded as UTF-8, whatever the locale.
        Covenant lib = Native.load("covenant", Covenant.class,
                Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        if (lib.covenant_abi_version() != Covenant.COVENANT_ABI_VERSION) {
            System.err.println("libcovenant has ABI " + lib.covenant_abi_version()
                    + ", this example needs " + Covenant.COVENANT_ABI_VERSION);
            System.exit(2);
        }

        PointerByReference tableRef = new PointerByReference();
        PointerByReference errorRef = new PointerByReference();
        if (lib.covenant_table_open(args[0], "en", tableRef, errorRef) != Covenant.COVENANT_OK) {
            Pointer error = errorRef.getValue();
            System.err.println(error == null ? "cannot load " + args[0] : error.getString(0, "UTF-8"));
            lib.covenant_free(error);
            System.exit(1);
        }
        Pointer table = tableRef.getValue();

        // A question as JSON (the wire format of `covenantc eval`); length is in UTF-8 bytes.
        String query = "{\"id\": 1, \"from\": \"ggz\", \"to\": \"dorpsteam\", \"share\": \"health\","
                + " \"for\": \"support\", \"facts\": {\"consent\": \"given\", \"age\": 30}}";
        byte[] bytes = query.getBytes(StandardCharsets.UTF_8);
        PointerByReference answerRef = new PointerByReference();
        int status = lib.covenant_decide_json(table, bytes, bytes.length, "2026-11-30", null, answerRef);
        Pointer answer = answerRef.getValue();
        if (answer != null) {
            // The answer is UTF-8; print it as UTF-8 whatever the locale.
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            out.println(answer.getString(0, "UTF-8"));
            lib.covenant_free(answer);
        }
        lib.covenant_table_free(table);
        System.exit(status == Covenant.COVENANT_OK ? 0 : 1);
    }
}
