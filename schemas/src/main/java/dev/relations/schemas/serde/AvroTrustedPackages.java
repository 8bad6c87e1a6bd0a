package dev.relations.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Makes Avro 1.12.2+ accept the generated classes of {@code dev.relations.schemas} (and its
 * subpackages) when decoding, without a {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} flag.
 *
 * <p>Avro checks every class it loads by name while decoding against
 * {@link ClassSecurityValidator#getGlobal()}. Its default reads the system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} exactly once, in a static initializer that runs
 * as soon as any {@code SpecificDatumReader} class is initialized, which every generated class
 * does in its own static initializer. Setting the property at runtime is therefore too late
 * whenever a generated record was touched first, so the trust is added to the global predicate,
 * which Avro consults on every check. The property is extended as well, for any Avro copy or
 * classloader that has not read it yet.
 */
public final class AvroTrustedPackages {

    /** The package (with subpackages) trusted by {@link #ensure()}. */
    public static final String PACKAGE = "dev.relations.schemas";
    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private static final String PREFIX = PACKAGE + ".";
    private static volatile boolean installed;

    private AvroTrustedPackages() {
    }

    /** Idempotent; cheap after the first call. */
    public static void ensure() {
        if (installed) {
            return;
        }
        synchronized (AvroTrustedPackages.class) {
            if (installed) {
                return;
            }
            extendProperty();
            ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(new Trusting(previous));
            installed = true;
        }
    }

    /** Whether Avro's global class check currently accepts {@code type}. */
    public static boolean isTrusted(Class<?> type) {
        return ClassSecurityValidator.getGlobal().isTrusted(type);
    }

    private static void extendProperty() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, PACKAGE);
            return;
        }
        for (String entry : current.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.equals("*") || trimmed.equals(PACKAGE) || PACKAGE.startsWith(trimmed + ".")) {
                return;
            }
        }
        System.setProperty(PROPERTY, current + "," + PACKAGE);
    }

    private record Trusting(ClassSecurityPredicate delegate) implements ClassSecurityPredicate {

        @Override
        public boolean isTrusted(Class<?> type) {
            return type.getName().startsWith(PREFIX) || delegate.isTrusted(type);
        }

        @Override
        public void forbiddenClass(String className) {
            delegate.forbiddenClass(className);
        }
    }
}
